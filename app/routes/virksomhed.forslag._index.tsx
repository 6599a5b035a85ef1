import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatDate, formatHours } from '../domain/format';
import { requestedPage } from '../domain/pagination';
import { proposalStatusForCompany } from '../domain/proposal-rules';
import { companyProposalsPage } from '../services/proposals.server';
import { Pager } from '../ui/pager';
import { TableScrollRegion } from '../ui/table';

export const meta: MetaFunction = () => [{ title: 'Foreslåede kandidater · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  const { proposals, page, awaitingAnswer } = await companyProposalsPage(user, requestedPage(new URL(request.url).searchParams.get('side')));
  return {
    page,
    waiting: awaitingAnswer,
    proposals: proposals.map((proposal) => ({
      id: proposal.id,
      status: proposal.status,
      mayRespond: proposal.mayRespond,
      proposedAt: proposal.steps[0]?.at ?? null,
      openingTitle: proposal.opening.title,
      name: proposal.identity?.name ?? null,
      hours: proposal.candidate ? { min: proposal.candidate.hoursMin, max: proposal.candidate.hoursMax } : null,
    })),
  };
}

export default function CompanyProposals() {
  const { proposals, page, waiting } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <p>
        <Link to="/virksomhed">Tilbage til virksomhedens side</Link>
      </p>
      <h1>Foreslåede kandidater</h1>
      <p className="font-lead">
        Jobcentret foreslår kandidater, der passer til jeres jobopslag. I ser et resumé uden navn og kontaktoplysninger, indtil kandidaten selv
        har sagt ja.
      </p>
      {proposals.length === 0 ? (
        <p>Der er ingen forslag endnu. Jobcentret giver besked, når de har fundet en kandidat.</p>
      ) : (
        <>
          <p>{waiting === 0 ? 'Ingen forslag venter på jeres svar.' : waiting === 1 ? '1 forslag venter på jeres svar.' : `${waiting} forslag venter på jeres svar.`}</p>
          <TableScrollRegion label="Foreslåede kandidater">
            <table className="table table--compact">
              <caption className="sr-only">Foreslåede kandidater, nyeste først</caption>
              <thead>
                <tr>
                  <th scope="col">Kandidat</th>
                  <th scope="col">Jobopslag</th>
                  <th scope="col">Kan arbejde</th>
                  <th scope="col">Foreslået</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {proposals.map((proposal) => (
                  <tr key={proposal.id}>
                    <td>
                      <Link to={`/virksomhed/forslag/${proposal.id}`}>{proposal.name ?? 'Kandidat (navn vises, når kandidaten har sagt ja)'}</Link>
                    </td>
                    <td>{proposal.openingTitle}</td>
                    <td>{proposal.hours ? formatHours(proposal.hours) : '—'}</td>
                    <td>{proposal.proposedAt ? formatDate(proposal.proposedAt) : '—'}</td>
                    <td>
                      {proposal.mayRespond ? <strong>{proposalStatusForCompany(proposal.status)}</strong> : proposalStatusForCompany(proposal.status)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
          <Pager page={page} search={search} label="Sider med foreslåede kandidater" />
        </>
      )}
    </>
  );
}
