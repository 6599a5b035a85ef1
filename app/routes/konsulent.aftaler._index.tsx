import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatDate } from '../domain/format';
import { LIST_PAGE_SIZE, requestedPage } from '../domain/pagination';
import { caseloadAgreementsPage, followUpsDue, proposalsReadyForAgreement } from '../services/agreement-lists.server';
import { AgreementStatusTag, formatMonth } from '../ui/agreement';
import { FollowUpsDue } from '../ui/follow-ups-due';
import { Pager } from '../ui/pager';
import { TableScrollRegion } from '../ui/table';

export const meta: MetaFunction = () => [{ title: 'Aftaler og opfølgning · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const params = new URL(request.url).searchParams;
  const everyone = params.get('konsulent') === 'alle';
  const [{ agreements, page }, due, ready] = await Promise.all([
    caseloadAgreementsPage(user, { onlyMine: !everyone, page: requestedPage(params.get('side')) }),
    followUpsDue(user),
    // The longest waiting; `total` says how many wait in all.
    proposalsReadyForAgreement(user, { limit: LIST_PAGE_SIZE }),
  ]);
  return { agreements, page, due, ready, readyTotal: ready[0]?.total ?? 0, everyone };
}

export default function ConsultantAgreements() {
  const { agreements, page, due, ready, readyTotal, everyone } = useLoaderData<typeof loader>();
  const { search } = useLocation();
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
        {readyTotal > ready.length ? (
          <p>
            Viser de {ready.length}, der har ventet længst, af {readyTotal}.
          </p>
        ) : null}
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
        <Pager page={page} search={search} label={everyone ? 'Sider med aftaler i hele jobcentret' : 'Sider med aftaler for dine borgere'} />
      </section>
    </>
  );
}
