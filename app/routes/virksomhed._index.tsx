import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation, useSearchParams } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatDate, formatHours } from '../domain/format';
import { placesText } from '../domain/opening-rules';
import { OPENING_KIND_LABELS, OPENING_STATUS_LABELS } from '../domain/vocabulary';
import { getCompany } from '../services/companies.server';
import { listCompanyOpenings } from '../services/openings.server';
import { companySocialMarkProgress } from '../services/social-marks.server';
import { waitingForCompany } from '../services/waiting.server';
import { COMPANY_WAITING_WORDS, WaitingForYou } from '../ui/waiting';
import { TableScrollRegion } from '../ui/table';
import { Alert } from '../ui/matching';
import { requestedPage } from '../domain/pagination';
import { Pager } from '../ui/pager';
import { SocialMarkProgressSection } from '../ui/social-mark';

export const meta: MetaFunction = () => [{ title: 'Virksomhedens side · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  const page = requestedPage(new URL(request.url).searchParams.get('side'));
  const [company, list, waiting, marks] = await Promise.all([
    getCompany(user, user.companyId!),
    listCompanyOpenings(user, user.companyId!, { page }),
    waitingForCompany(user),
    companySocialMarkProgress(user),
  ]);
  return { userName: user.name, company: { name: company.name, cvr: company.cvr }, openings: list.openings, page: list.page, waiting, marks };
}

export default function CompanyWorkspace() {
  const { userName, company, openings, page, waiting, marks } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { search } = useLocation();
  return (
    <>
      <h1>Virksomhedens side</h1>
      {searchParams.get('oprettet') ? (
        <Alert kind="success" heading="Virksomheden er oprettet">
          <p>Velkommen til Jobbro. Nu kan du oprette jeres første jobopslag. Jobcentret ser det og finder kandidater, der passer.</p>
        </Alert>
      ) : null}
      <p className="font-lead">
        Du er logget ind som <strong>{userName}</strong>, {company.name} (CVR {company.cvr}).
      </p>
      <WaitingForYou groups={waiting} words={COMPANY_WAITING_WORDS} />
      <p className="jobbro-actions">
        <Link to="/virksomhed/jobopslag/ny" className="button button-primary">
          Opret jobopslag
        </Link>
        <Link to="/virksomhed/forslag" className="button button-secondary">
          Foreslåede kandidater
        </Link>
        <Link to="/virksomhed/aftaler" className="button button-secondary">
          Aftaler
        </Link>
        <Link to="/virksomhed/profil" className="button button-secondary">
          Virksomhedsprofil og kolleger
        </Link>
        <Link to="/virksomhed/api" className="button button-secondary">
          API-nøgler
        </Link>
      </p>
      <h2>Jeres jobopslag{page.pageCount > 1 ? ` (${page.total})` : ''}</h2>
      {openings.length === 0 ? (
        <p>I har ingen jobopslag endnu. Opret det første, så finder jobcentret borgere, der passer.</p>
      ) : (
        <TableScrollRegion label="Jeres jobopslag">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Jobopslag</th>
                <th scope="col">Slags</th>
                <th scope="col">Timer</th>
                <th scope="col">Start</th>
                <th scope="col">Status</th>
                <th scope="col">Foreslåede kandidater</th>
                <th scope="col">Pladser</th>
              </tr>
            </thead>
            <tbody>
              {openings.map((opening) => (
                <tr key={opening.id}>
                  <td>
                    <Link to={`/virksomhed/jobopslag/${opening.id}`}>{opening.title}</Link>
                    {opening.isJobOrder ? <span className="weight-normal"> (jobordre)</span> : null}
                  </td>
                  <td>{OPENING_KIND_LABELS[opening.kind]}</td>
                  <td>{formatHours({ min: opening.hoursMin, max: opening.hoursMax })}</td>
                  <td>{formatDate(opening.startDate)}</td>
                  <td>{OPENING_STATUS_LABELS[opening.status]}</td>
                  <td>{opening.proposalCount}</td>
                  <td>{placesText(opening.agreementCount, opening.slots)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      )}
      <Pager page={page} search={search} label="Sider med jobopslag" />
      <SocialMarkProgressSection marks={marks} />
    </>
  );
}
