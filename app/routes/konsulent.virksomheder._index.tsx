import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { requestedPage } from '../domain/pagination';
import { listCompaniesPage } from '../services/companies.server';
import { Pager } from '../ui/pager';

export const meta: MetaFunction = () => [{ title: 'Virksomheder · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'consultant');
  return listCompaniesPage(requestedPage(new URL(request.url).searchParams.get('side')));
}

export default function ConsultantCompanies() {
  const { companies, page } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <h1>Virksomheder</h1>
      <p>
        <Link to="/konsulent/virksomheder/ny" className="button button-primary">
          Opret virksomhed
        </Link>
      </p>
      <table className="table table--compact table--responsive-headers">
        <thead>
          <tr>
            <th scope="col">Virksomhed</th>
            <th scope="col">CVR</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((company) => (
            <tr key={company.id}>
              <th scope="row">
                <Link to={`/konsulent/virksomheder/${company.id}`}>{company.name}</Link>
              </th>
              <td data-title="CVR">{company.cvr}</td>
              <td data-title="By">{company.city}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} search={search} label="Sider med virksomheder" />
    </>
  );
}
