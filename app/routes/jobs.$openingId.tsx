import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useLocation, useRouteError } from '@remix-run/react';
import { getUser } from '../auth/permissions.server';
import { formatDate, formatHours, toIsoDate } from '../domain/format';
import { jobSearchHref, parseJobFilters } from '../domain/job-filters';
import {
  ACCOMMODATION_LABELS,
  DAY_PART_LABELS,
  DEMAND_LABELS,
  OPENING_KIND_LABELS,
  WEEKDAY_LABELS,
  type OpeningKind,
} from '../domain/vocabulary';
import { orHttpError } from '../services/errors.server';
import { getPublicOpening } from '../services/job-search.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.opening.title} · Find job · Jobbro` : 'Job · Jobbro' },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const opening = await orHttpError(() =>
    getPublicOpening(params.openingId ?? '', { includeContactDetails: user !== null }),
  );
  // The search the user came from travels in the URL, so the way back keeps it (rebuilt, never echoed).
  const backHref = jobSearchHref(parseJobFilters(new URL(request.url).searchParams));
  return { opening, backHref, signedIn: user !== null, today: toIsoDate(new Date()) };
}

const WHO_MAY_APPLY: Record<OpeningKind, string> = {
  ordinary_hours: 'Alle kan søge. Timerne er almindelige timer med løn på almindelige vilkår.',
  flexjob: 'Jobbet er et fleksjob. Du skal være visiteret til fleksjob af kommunen.',
  sheltered_job: 'Jobbet er et skånejob. Det er for dig, der får førtidspension.',
};

function weeklyHoursText(hours: number | { min: number; max: number }): string {
  return `${formatHours(hours, { unit: false })} timer om ugen`;
}

function listText(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} og ${labels.at(-1)}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default function JobPage() {
  const { opening, backHref, signedIn, today } = useLoaderData<typeof loader>();
  const location = useLocation();
  const days = opening.schedule.days.map((day) => (WEEKDAY_LABELS[day as keyof typeof WEEKDAY_LABELS] ?? day).toLowerCase());
  const parts = opening.schedule.parts.map((part) => (DAY_PART_LABELS[part as keyof typeof DAY_PART_LABELS] ?? part).toLowerCase());
  const loginHref = `/login?${new URLSearchParams({ redirectTo: `${location.pathname}${location.search}` })}`;

  return (
    <article>
      <p>
        <Link to={backHref} className="back-link">
          Tilbage til søgningen
        </Link>
      </p>
      <span className="card-subheading">{OPENING_KIND_LABELS[opening.kind]}</span>
      <h1>{opening.title}</h1>
      <p className="font-lead">
        {opening.companyName} · {opening.postcode} {opening.city}
      </p>
      <p>{WHO_MAY_APPLY[opening.kind]}</p>

      <h2>Om jobbet</h2>
      <p style={{ whiteSpace: 'pre-line' }}>{opening.description}</p>

      <h2>Det skal du lave</h2>
      <ul>
        {opening.tasks.map((task, index) => (
          <li key={`${index}-${task}`}>{task}</li>
        ))}
      </ul>

      <h2>Tid og sted</h2>
      <dl>
        <dt>Timer</dt>
        <dd>
          {weeklyHoursText({ min: opening.hoursMin, max: opening.hoursMax })}
          {opening.flexjobExpectedHours !== null ? `, forventet ${weeklyHoursText(opening.flexjobExpectedHours)}` : ''}
        </dd>
        <dt>Hvornår på ugen</dt>
        <dd>
          {days.length > 0 || parts.length > 0
            ? capitalised([listText(days), listText(parts)].filter(Boolean).join(', '))
            : 'Aftales med virksomheden'}
          {opening.schedule.note ? <> ({opening.schedule.note})</> : null}
        </dd>
        <dt>Start</dt>
        <dd>{opening.startDate <= today ? 'Med det samme' : formatDate(opening.startDate)}</dd>
        <dt>Arbejdssted</dt>
        <dd>
          {opening.postcode} {opening.city}
        </dd>
        <dt>Ledige pladser</dt>
        <dd>{opening.freeSlots}</dd>
      </dl>

      <h2>Det kræver jobbet</h2>
      {opening.demands.length > 0 ? (
        <ul>
          {opening.demands.map((code) => (
            <li key={code}>{DEMAND_LABELS[code]}</li>
          ))}
        </ul>
      ) : (
        <p>Virksomheden har ikke nævnt særlige krav, fx tunge løft eller tidlige morgener.</p>
      )}
      <dl>
        <dt>Sprog</dt>
        <dd>{opening.languageNeeds || 'Ingen særlige krav'}</dd>
        <dt>Kørekort</dt>
        <dd>{opening.drivingLicenceRequired ? 'Du skal have kørekort' : 'Du behøver ikke kørekort'}</dd>
      </dl>

      <h2>Det tilbyder virksomheden</h2>
      {opening.accommodations.length > 0 ? (
        <ul>
          {opening.accommodations.map((code) => (
            <li key={code}>{ACCOMMODATION_LABELS[code]}</li>
          ))}
        </ul>
      ) : (
        <p>Virksomheden har ikke skrevet, hvilke hensyn den kan tage. Spørg gerne.</p>
      )}

      <h2>Kontakt</h2>
      <p>
        {opening.contact.name}, {opening.contact.role}
      </p>
      {opening.contact.phone || opening.contact.email ? (
        <ul className="nobullet-list">
          {opening.contact.phone ? (
            <li>
              Telefon: <a href={`tel:${opening.contact.phone.replace(/\s/g, '')}`}>{opening.contact.phone}</a>
            </li>
          ) : null}
          {opening.contact.email ? (
            <li>
              E-mail: <a href={`mailto:${opening.contact.email}`}>{opening.contact.email}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {signedIn ? null : (
        <p>
          <Link to={loginHref}>Log ind for at se telefon og e-mail</Link>. Du kan også tale med din jobformidler i
          jobcentret om jobbet.
        </p>
      )}

      <p>
        <Link to={backHref} className="back-link">
          Tilbage til søgningen
        </Link>
      </p>
    </article>
  );
}

/** An old link to a job that is filled or closed (410), or an unknown one (404): say so and lead back to the search. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const heading = status === 410 ? 'Jobbet er ikke længere ledigt' : status === 404 ? 'Jobbet findes ikke' : 'Der skete en fejl';
  const text =
    status === 410
      ? 'Jobbet kan være besat, sat på pause eller lukket. Der er måske andre job, der passer til dig.'
      : status === 404
        ? 'Vi kunne ikke finde jobbet. Adressen kan være forkert.'
        : 'Noget gik galt hos os. Prøv igen om lidt.';
  return (
    <div className={`alert ${status === 410 ? 'alert-info' : 'alert-error'}`} role={status === 410 ? 'status' : 'alert'}>
      <div className="alert-body">
        <h1 className="alert-heading">{heading}</h1>
        <p className="alert-text">{text}</p>
        <p>
          <Link to="/jobs">Find andre job</Link>
        </p>
      </div>
    </div>
  );
}
