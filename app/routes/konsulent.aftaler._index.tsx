import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatDate } from '../domain/format';
import { caseloadAgreements, followUpsDue, proposalsReadyForAgreement } from '../services/agreement-lists.server';
import { AgreementStatusTag, formatMonth } from '../ui/agreement';
import { FollowUpsDue } from '../ui/follow-ups-due';
import { TableScrollRegion } from '../ui/table';

export const meta: MetaFunction = () => [{ title: 'Aftaler og opfølgning · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const everyone = new URL(request.url).searchParams.get('konsulent') === 'alle';
  const [agreements, due, ready] = await Promise.all([caseloadAgreements(user, { onlyMine: !everyone }), followUpsDue(user), proposalsReadyForAgreement(user)]);
  return { agreements, due, ready, everyone };
}

export default function ConsultantAgreements() {
  const { agreements, due, ready, everyone } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Aftaler og opfølgning</h1>
      <FollowUpsDue overdue={due.overdue} dueThisWeek={due.dueThisWeek} />
      <section aria-labelledby="ready-heading" className="mb-6">
        <h2 className="h3" id="ready-heading">
          Forslag klar til en aftale
        </h2>
        {ready.length === 0 ? (
          <p>Ingen forslag venter på en aftale. Når både virksomheden og borgeren har sagt ja til et forslag, står det her.</p>
        ) : (
          <ul className="nobullet-list">
            {ready.map((proposal) => (
              <li key={proposal.id} className="mb-2">
                {proposal.citizenName}: {proposal.openingTitle} hos {proposal.companyName} ·{' '}
                <Link to={`/konsulent/aftaler/ny?forslag=${proposal.id}`} aria-label={`Skriv aftale for ${proposal.citizenName}: ${proposal.openingTitle}`}>
                  Skriv aftale
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="agreements-heading">
        <h2 className="h3" id="agreements-heading">
          {everyone ? 'Aftaler i hele jobcentret' : 'Aftaler for dine borgere'}
        </h2>
        <p>
          {everyone ? <Link to="/konsulent/aftaler">Vis kun dine borgeres aftaler</Link> : <Link to="/konsulent/aftaler?konsulent=alle">Vis aftaler for hele jobcentret</Link>}
        </p>
        {agreements.length === 0 ? (
          <p>{everyone ? 'Jobcentrets borgere har ingen aftaler endnu.' : 'Dine borgere har ingen aftaler endnu.'}</p>
        ) : (
          <TableScrollRegion label={everyone ? 'Aftaler i hele jobcentret' : 'Aftaler for dine borgere'}>
            <table className="table table--compact">
              <caption className="sr-only">{everyone ? 'Aftaler i hele jobcentret' : 'Aftaler for dine borgere'}</caption>
              <thead>
                <tr>
                  <th scope="col">Borger</th>
                  <th scope="col">Virksomhed og job</th>
                  <th scope="col">Status</th>
                  <th scope="col">Næste opfølgning</th>
                  <th scope="col">30 timer nået</th>
                </tr>
              </thead>
              <tbody>
                {agreements.map((agreement) => (
                  <tr key={agreement.id}>
                    <td>
                      <Link to={`/konsulent/aftaler/${agreement.id}`}>{agreement.citizenName}</Link>
                    </td>
                    <td>
                      {agreement.companyName}
                      {agreement.openingTitle ? `: ${agreement.openingTitle}` : ''}
                    </td>
                    <td>
                      <AgreementStatusTag status={agreement.status} />
                      {agreement.awaitingCompany ? <div>Afventer virksomheden</div> : null}
                      {agreement.awaitingCitizen ? <div>Afventer borgeren</div> : null}
                    </td>
                    <td>
                      {agreement.next ? formatDate(agreement.next) : '–'}
                      {agreement.overdueDates.length > 1 ? ` (${agreement.overdueDates.length} overskredet)` : agreement.overdue ? ' (overskredet)' : agreement.dueThisWeek ? ' (denne uge)' : ''}
                    </td>
                    <td>{agreement.goalReachedMonth ? formatMonth(agreement.goalReachedMonth) : 'Nej'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        )}
      </section>
    </>
  );
}
