import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { requestedPage } from '../domain/pagination';
import { companyAgreementsPage } from '../services/agreement-lists.server';
import { AgreementStatusTag } from '../ui/agreement';
import { Pager } from '../ui/pager';

export const meta: MetaFunction = () => [{ title: 'Aftaler · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  return companyAgreementsPage(user, requestedPage(new URL(request.url).searchParams.get('side')));
}

export default function CompanyAgreements() {
  const { agreements, page } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <p>
        <Link to="/virksomhed">Virksomhedens side</Link>
      </p>
      <h1>Aftaler</h1>
      <p>Aftalerne mellem jeres virksomhed og borgere, som jobcentret har skrevet. En aftale bliver aktiv, når både I og borgeren har bekræftet den.</p>
      {agreements.length === 0 ? (
        <p>I har ingen aftaler endnu.</p>
      ) : (
        <table className="table table--compact table--responsive-headers">
          <caption className="sr-only">Jeres aftaler</caption>
          <thead>
            <tr>
              <th scope="col">Borger</th>
              <th scope="col">Job</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((agreement) => (
              <tr key={agreement.id}>
                <th scope="row">
                  <Link to={`/virksomhed/aftaler/${agreement.id}`}>{agreement.citizenName}</Link>
                </th>
                <td data-title="Job">{agreement.openingTitle ?? '–'}</td>
                <td data-title="Status">
                  <AgreementStatusTag status={agreement.status} />
                  {agreement.awaitingCompany ? <div>Venter på jeres bekræftelse</div> : agreement.awaitingCitizen ? <div>Venter på borgeren</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} search={search} label="Sider med aftaler" />
    </>
  );
}
