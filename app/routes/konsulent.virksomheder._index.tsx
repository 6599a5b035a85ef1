import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { listCompanies } from '../services/companies.server';

export const meta: MetaFunction = () => [{ title: 'Virksomheder · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'consultant');
  return { companies: await listCompanies() };
}

export default function ConsultantCompanies() {
  const { companies } = useLoaderData<typeof loader>();
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
    </>
  );
}
