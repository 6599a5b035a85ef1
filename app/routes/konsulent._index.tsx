import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { PATH_PHASE_ENTRIES } from '../domain/vocabulary';
import { followUpsDue } from '../services/agreements.server';
import { pendingInterests } from '../services/citizen-portal.server';
import { caseloadSummary } from '../services/citizens.server';
import { organisationNameFor } from '../services/organisations.server';
import { FollowUpsDue } from '../ui/follow-ups-due';

export const meta: MetaFunction = () => [{ title: 'Konsulentforside · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const [organisation, summary, interests, due] = await Promise.all([
    organisationNameFor(user),
    caseloadSummary(user),
    pendingInterests(user, { onlyMine: true }),
    followUpsDue(user),
  ]);
  return { name: user.name, organisation, summary, interests, due };
}

export default function ConsultantHome() {
  const { name, organisation, summary, interests, due } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Konsulentforside</h1>
      <p className="font-lead">
        Du er logget ind som <strong>{name}</strong>
        {organisation ? `, ${organisation}` : ''}.
      </p>
      <nav aria-labelledby="consultant-links-heading" className="mb-6">
        <h2 className="h3" id="consultant-links-heading">
          Gå til
        </h2>
        <ul className="nobullet-list">
          <li>
            <Link to="/konsulent/borgere">Mine borgere</Link>
          </li>
          <li>
            <Link to="/konsulent/virksomheder">Virksomheder</Link>
          </li>
          <li>
            <Link to="/konsulent/aftaler">Aftaler og opfølgning</Link>
          </li>
          <li>
            <Link to="/jobs">Ledige job</Link>
          </li>
        </ul>
      </nav>
      <FollowUpsDue overdue={due.overdue} dueThisWeek={due.dueThisWeek} />
      {interests.length > 0 ? (
        <section aria-labelledby="interests-heading" className="mb-6">
          <h2 className="h3" id="interests-heading">
            Borgere der er interesseret i et job
          </h2>
          <p>Dine borgere har selv sagt &quot;Jeg er interesseret&quot;. Åbn borgeren for at sende interessen videre til virksomheden som et forslag.</p>
          <ul className="nobullet-list">
            {interests.map((interest) => (
              <li key={interest.proposalId}>
                <Link to={`/konsulent/borgere/${interest.citizenId}#interesse`}>{interest.citizenName}</Link>: {interest.openingTitle} hos {interest.companyName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="caseload-heading">
        <h2 className="h3" id="caseload-heading">
          Dine borgere lige nu
        </h2>
        {summary.total === 0 ? (
          <p>Du har ingen borgere endnu.</p>
        ) : (
          <>
            <p>
              Du har {summary.total} {summary.total === 1 ? 'borger' : 'borgere'} med en åben sag.
            </p>
            <table className="table table--compact">
              <caption className="sr-only">Dine borgere fordelt på fase</caption>
              <thead>
                <tr>
                  <th scope="col">Fase</th>
                  <th scope="col" className="align-text-right">
                    Antal
                  </th>
                </tr>
              </thead>
              <tbody>
                {PATH_PHASE_ENTRIES.map((phase) => (
                  <tr key={phase.code}>
                    <td>
                      {summary.byPhase[phase.code] > 0 ? <Link to={`/konsulent/borgere?fase=${phase.code}`}>{phase.da}</Link> : phase.da}
                    </td>
                    <td className="align-text-right">{summary.byPhase[phase.code]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
