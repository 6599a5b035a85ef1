import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { PATH_PHASE_ENTRIES } from '../domain/vocabulary';
import { caseloadSummary } from '../services/citizens.server';
import { organisationNameFor } from '../services/organisations.server';
import { markNewAsSeen, waitingForConsultant } from '../services/waiting.server';
import { CONSULTANT_WAITING_WORDS, MarkNewAsSeen, WaitingForYou } from '../ui/waiting';

export const meta: MetaFunction = () => [{ title: 'Konsulentforside · Jobbro' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const [organisation, summary, waiting] = await Promise.all([organisationNameFor(user), caseloadSummary(user), waitingForConsultant(user)]);
  return { name: user.name, organisation, summary, waiting: waiting.groups };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'consultant');
  const form = await request.formData();
  if (form.get('intent') !== 'seen') throw new Response('Ukendt handling.', { status: 400 });
  await markNewAsSeen(user);
  return redirect('/konsulent');
}

export default function ConsultantHome() {
  const { name, organisation, summary, waiting } = useLoaderData<typeof loader>();
  // "Jeg har set dem" once, after the last of the groups of new things.
  const lastNew = [...waiting].reverse().find((group) => group.kind === 'newCompany' || group.kind === 'newOpening')?.kind;
  return (
    <>
      <h1>Konsulentforside</h1>
      <p className="font-lead">
        Du er logget ind som <strong>{name}</strong>
        {organisation ? `, ${organisation}` : ''}.
      </p>
      <WaitingForYou groups={waiting} words={CONSULTANT_WAITING_WORDS} after={(kind) => (kind === lastNew ? <MarkNewAsSeen /> : null)} />
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
