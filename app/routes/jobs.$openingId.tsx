import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useLocation, useRouteError } from '@remix-run/react';
import { getUser } from '../auth/permissions.server';
import { toIsoDate } from '../domain/format';
import { jobSearchHref, parseJobFilters } from '../domain/job-filters';
import { ACCOMMODATION_ENTRIES, DAY_PART_ENTRIES, DAY_PARTS, DEMAND_ENTRIES, OPENING_KIND_ENTRIES, WEEKDAY_ENTRIES, WEEKDAYS } from '../domain/vocabulary';
import { formatDateIn, formatHoursIn, formatWageIn, listIn } from '../i18n/format';
import { labelIn, READER_LANGUAGE_HANDLE, type Language } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { orHttpError } from '../services/errors.server';
import { getPublicOpening } from '../services/job-search.server';
import { InLanguage, LanguageLine, useReaderLanguage } from '../ui/citizen';
import { SocialMarkBadge } from '../ui/social-mark';

/** The error boundary (a job no longer available) speaks the reader's language too. */
export const handle = READER_LANGUAGE_HANDLE;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.opening.title} · ${textsFor(data.language).jobSearch.title} · Jobbro` : 'Job · Jobbro' },
];

/** Public: a visitor or a citizen reads it in the language they chose (the cookie); Danish until then. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const opening = await orHttpError(() =>
    getPublicOpening(params.openingId ?? '', { includeContactDetails: user !== null }),
  );
  // The search the user came from travels in the URL, so the way back keeps it (rebuilt, never echoed).
  const backHref = jobSearchHref(parseJobFilters(new URL(request.url).searchParams));
  return { language: languageOf(request), opening, backHref, signedIn: user !== null, staff: user?.role === 'consultant', today: toIsoDate(new Date()) };
}

function weeklyHoursText(hours: number | { min: number; max: number }, language: Language): string {
  return textsFor(language).job.weeklyHours(formatHoursIn(hours, language, { unit: false }));
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Mandag og onsdag, formiddag" / "Monday and Wednesday, morning": Danish weekdays are lower case in a sentence. */
function weekText(schedule: { days: string[]; parts: string[] }, language: Language): string | null {
  const days = schedule.days.map((day) => {
    const label = labelIn(WEEKDAY_ENTRIES, day as (typeof WEEKDAYS)[number], language);
    return language === 'da' ? label.toLowerCase() : label;
  });
  const parts = schedule.parts.map((part) => labelIn(DAY_PART_ENTRIES, part as (typeof DAY_PARTS)[number], language).toLowerCase());
  if (days.length === 0 && parts.length === 0) return null;
  return capitalised([listIn(days, language), listIn(parts, language)].filter(Boolean).join(', '));
}

export default function JobPage() {
  const { language, opening, backHref, signedIn, staff, today } = useLoaderData<typeof loader>();
  const location = useLocation();
  const t = textsFor(language).job;
  const loginHref = `/login?${new URLSearchParams({ redirectTo: `${location.pathname}${location.search}` })}`;

  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <article>
        <p>
          <Link to={backHref} className="back-link">
            {t.back}
          </Link>
        </p>
        <span className="card-subheading">{labelIn(OPENING_KIND_ENTRIES, opening.kind, language)}</span>
        <h1 lang="da">{opening.title}</h1>
        <p className="font-lead">
          {opening.companyName} · {opening.postcode} {opening.city}
        </p>
        {opening.socialMarks.length > 0 ? (
          <ul className="nobullet-list">
            {opening.socialMarks.map((jobcentre) => (
              <li key={jobcentre}>
                <SocialMarkBadge text={textsFor(language).jobSearch.socialMark(jobcentre)} />
              </li>
            ))}
          </ul>
        ) : null}
        {staff ? (
          <p lang="da">
            <Link to={`/konsulent/jobopslag/${opening.id}`} className="button button-secondary">
              Se borgere der passer
            </Link>
          </p>
        ) : null}
        <p>{t.whoMayApply[opening.kind]}</p>

        <h2>{t.about}</h2>
        <p style={{ whiteSpace: 'pre-line' }} lang="da">
          {opening.description}
        </p>

        <h2>{t.tasks}</h2>
        <ul lang="da">
          {opening.tasks.map((task, index) => (
            <li key={`${index}-${task}`}>{task}</li>
          ))}
        </ul>

        <h2>{t.timeAndPlace}</h2>
        <dl>
          <dt>{t.hours}</dt>
          <dd>
            {weeklyHoursText({ min: opening.hoursMin, max: opening.hoursMax }, language)}
            {opening.flexjobExpectedHours !== null ? t.expected(weeklyHoursText(opening.flexjobExpectedHours, language)) : ''}
          </dd>
          {formatWageIn(opening, language) ? (
            <>
              <dt>{t.wage}</dt>
              <dd>{formatWageIn(opening, language)}</dd>
            </>
          ) : null}
          <dt>{t.when}</dt>
          <dd>
            {weekText(opening.schedule, language) ?? t.byAgreement}
            {opening.schedule.note ? <> (<span lang="da">{opening.schedule.note}</span>)</> : null}
          </dd>
          <dt>{t.start}</dt>
          <dd>{opening.startDate <= today ? t.startNow : formatDateIn(opening.startDate, language)}</dd>
          <dt>{t.workplace}</dt>
          <dd>
            {opening.postcode} {opening.city}
          </dd>
          <dt>{t.freeSlots}</dt>
          <dd>{opening.freeSlots}</dd>
        </dl>

        <h2>{t.demandsHeading}</h2>
        {opening.demands.length > 0 ? (
          <ul>
            {opening.demands.map((code) => (
              <li key={code}>{labelIn(DEMAND_ENTRIES, code, language)}</li>
            ))}
          </ul>
        ) : (
          <p>{t.noDemands}</p>
        )}
        <dl>
          <dt>{t.languageNeeds}</dt>
          <dd>{opening.languageNeeds ? <span lang="da">{opening.languageNeeds}</span> : t.noLanguageNeeds}</dd>
          <dt>{t.drivingLicence}</dt>
          <dd>{opening.drivingLicenceRequired ? t.licenceNeeded : t.noLicenceNeeded}</dd>
        </dl>

        <h2>{t.offersHeading}</h2>
        {opening.accommodations.length > 0 ? (
          <ul>
            {opening.accommodations.map((code) => (
              <li key={code}>{labelIn(ACCOMMODATION_ENTRIES, code, language)}</li>
            ))}
          </ul>
        ) : (
          <p>{t.noOffers}</p>
        )}

        <h2>{t.contact}</h2>
        <p>
          {opening.contact.name}, <span lang="da">{opening.contact.role}</span>
        </p>
        {opening.contact.phone || opening.contact.email ? (
          <ul className="nobullet-list">
            {opening.contact.phone ? (
              <li>
                {t.phone}: <a href={`tel:${opening.contact.phone.replace(/\s/g, '')}`}>{opening.contact.phone}</a>
              </li>
            ) : null}
            {opening.contact.email ? (
              <li>
                {t.email}: <a href={`mailto:${opening.contact.email}`}>{opening.contact.email}</a>
              </li>
            ) : null}
          </ul>
        ) : null}
        {signedIn ? null : (
          <p>
            <Link to={loginHref}>{t.logInForContact}</Link>
            {t.talkToConsultant}
          </p>
        )}

        <p>
          <Link to={backHref} className="back-link">
            {t.back}
          </Link>
        </p>
      </article>
    </InLanguage>
  );
}

/**
 * An old link to a job that is filled or closed (410), or an unknown one (404): say so in the reader's
 * language and lead back to the search.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const language = useReaderLanguage();
  const t = textsFor(language).job;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const heading = status === 410 ? t.goneHeading : status === 404 ? t.notFoundHeading : t.errorHeading;
  const text = status === 410 ? t.goneText : status === 404 ? t.notFoundText : t.errorText;
  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <div className={`alert ${status === 410 ? 'alert-info' : 'alert-error'}`} role={status === 410 ? 'status' : 'alert'}>
        <div className="alert-body">
          <h1 className="alert-heading">{heading}</h1>
          <p className="alert-text">{text}</p>
          <p>
            <Link to="/jobs">{t.findOthers}</Link>
          </p>
        </div>
      </div>
    </InLanguage>
  );
}
