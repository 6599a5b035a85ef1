import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatHours } from '../domain/format';
import { proposalStatusText } from '../domain/proposal-rules';
import { OPENING_KIND_LABELS } from '../domain/vocabulary';
import { organisationNameFor } from '../services/organisations.server';
import { citizenProposals } from '../services/proposals.server';

export const meta: MetaFunction = () => [{ title: 'Min side · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'citizen');
  const proposals = user.citizenId ? await citizenProposals(user) : [];
  return {
    name: user.name,
    organisation: await organisationNameFor(user),
    proposals: proposals.map((proposal) => ({
      id: proposal.id,
      status: proposal.status,
      mayRespond: proposal.mayRespond,
      title: proposal.opening.title,
      kind: proposal.opening.kind,
      hoursMin: proposal.opening.hoursMin,
      hoursMax: proposal.opening.hoursMax,
      city: proposal.opening.city,
      companyName: proposal.companyName,
    })),
  };
}

export default function CitizenHome() {
  const { name, organisation, proposals } = useLoaderData<typeof loader>();
  const waiting = proposals.filter((proposal) => proposal.mayRespond).length;
  return (
    <>
      <h1>Min side</h1>
      <p className="font-lead">
        Du er logget ind som <strong>{name}</strong>
        {organisation ? `, ${organisation}` : ''}.
      </p>
      <section className="mb-6" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">Forslag til dig</h2>
        {proposals.length === 0 ? (
          <p>Du har ingen forslag lige nu. Når jobcentret finder et job, der passer til dig, kan du se det her.</p>
        ) : (
          <>
            <p>{waiting === 0 ? 'Ingen forslag venter på dit svar.' : waiting === 1 ? '1 forslag venter på dit svar.' : `${waiting} forslag venter på dit svar.`}</p>
            <ul className="nobullet-list">
              {proposals.map((proposal) => (
                <li key={proposal.id} className="mb-4">
                  <Link to={`/borger/forslag/${proposal.id}`}>
                    <strong>{proposal.title}</strong>
                  </Link>{' '}
                  hos {proposal.companyName}
                  <br />
                  {OPENING_KIND_LABELS[proposal.kind]} · {formatHours({ min: proposal.hoursMin, max: proposal.hoursMax })} · {proposal.city} ·{' '}
                  {proposal.mayRespond ? <strong>Venter på dit svar</strong> : proposalStatusText(proposal.status)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <p>Her kan du snart se dine jobønsker, de job der passer til dig, og hvem der har set dine oplysninger.</p>
    </>
  );
}
