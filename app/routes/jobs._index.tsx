import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useNavigation, useSubmit } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { getUser } from '../auth/permissions.server';
import { toIsoDate } from '../domain/format';
import {
  HOURS_BAND_ENTRIES,
  JOB_MAX_TOTAL_HITS,
  JOB_SORT_ENTRIES,
  RADIUS_OPTIONS_KM,
  START_BAND_ENTRIES,
  hasActiveFilters,
  isPostcodeShaped,
  jobFiltersToSearchParams,
  jobSearchHref,
  parseJobFilters,
  type JobFilters,
} from '../domain/job-filters';
import { ACCOMMODATION_ENTRIES, DEMAND_ENTRIES, OPENING_KIND_ENTRIES } from '../domain/vocabulary';
import { formatCountIn, formatDateIn, formatHoursIn, formatKmIn } from '../i18n/format';
import { labelIn, type Language } from '../i18n/language';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { searchOpenings, type JobHit, type JobSearchResult } from '../services/job-search.server';
import { CheckboxGroup, RadioGroup, SelectField } from '../ui/choice-fields';
import { InLanguage, LanguageLine, useReaderIsCitizen } from '../ui/citizen';
import { SocialMarkBadge } from '../ui/social-mark';

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = textsFor(data?.language ?? 'da').jobSearch;
  return [{ title: `${t.title} · Jobbro` }, { name: 'description', content: t.metaDescription }];
};

/** Public: a visitor or a citizen reads it in the language they chose (the cookie); Danish until then. */
export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseJobFilters(new URL(request.url).searchParams);
  const today = toIsoDate(new Date());
  const [result, user] = await Promise.all([searchOpenings(filters, { today }), getUser(request)]);
  // Staff (a consultant) get a way from each job to the citizens who match it.
  return { language: languageOf(request), filters, result, today, staff: user?.role === 'consultant' };
}

/** Typing waits this long after the last key before the results follow. */
const TYPING_DELAY_MS = 350;
const TEXT_FIELDS = new Set(['q', 'postcode']);

/** The form as the canonical URL parameters of the search, on its first page. */
function searchParamsOf(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
  return jobFiltersToSearchParams({ ...parseJobFilters(params), page: 1 });
}

/** With JavaScript the results follow the form as the user changes it; without, the form is a plain GET form. */
function useInstantSearch() {
  const submit = useSubmit();
  const location = useLocation();
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();
  const submittedSearches = useRef(new Set<string>());
  const shownSearch = useRef(location.search);
  const [formVersion, setFormVersion] = useState(0);

  // A link (a page, "Fjern alle filtre", back and forward) changes the URL behind the form's back: redraw the
  // form from the URL. The form's own submissions leave it alone, so the text box keeps focus while typing.
  useEffect(() => {
    if (location.search === shownSearch.current) return;
    shownSearch.current = location.search;
    const ownSubmission = submittedSearches.current.has(location.search);
    submittedSearches.current.clear();
    if (!ownSubmission) setFormVersion((version) => version + 1);
  }, [location.search]);

  useEffect(() => () => clearTimeout(typingTimer.current), []);

  function send(form: HTMLFormElement, { replace }: { replace: boolean }) {
    clearTimeout(typingTimer.current);
    const params = searchParamsOf(form);
    const query = params.toString();
    const search = query ? `?${query}` : '';
    submittedSearches.current.add(search);
    submit(params, { method: 'get', action: '/jobs', replace, preventScrollReset: true });
  }

  return {
    formVersion,
    onChange(event: FormEvent<HTMLFormElement>) {
      const form = event.currentTarget;
      const target = event.target as HTMLInputElement;
      if (TEXT_FIELDS.has(target.name)) {
        clearTimeout(typingTimer.current);
        typingTimer.current = setTimeout(() => send(form, { replace: true }), TYPING_DELAY_MS);
      } else {
        send(form, { replace: true });
      }
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      send(event.currentTarget, { replace: false });
    },
  };
}

export default function JobsPage() {
  const { language, filters, result, today, staff } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { formVersion, onChange, onSubmit } = useInstantSearch();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/jobs';
  const t = textsFor(language).jobSearch;
  const readerIsCitizen = useReaderIsCitizen();

  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <h1>{t.title}</h1>
      <p className="font-lead">{t.intro}</p>
      {readerIsCitizen ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-heading">{t.citizenHeading}</p>
            <p className="alert-text">
              {t.citizenText} <Link to="/borger/job">{t.citizenLink}</Link>
            </p>
          </div>
        </div>
      ) : null}
      {result.source === 'database' ? (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-heading">{t.simpleHeading}</p>
            <p className="alert-text">{t.simpleText}</p>
          </div>
        </div>
      ) : null}

      <Form key={formVersion} method="get" action="/jobs" onChange={onChange} onSubmit={onSubmit}>
        <SearchBox query={filters.q} language={language} />
        <p className="d-lg-none">
          <a href="#results-heading">{t.goToResults(resultCountText(result.total, language))}</a>
        </p>
        <div className="row">
          <div className="col-12 col-lg-4">
            <Filters filters={filters} result={result} language={language} />
          </div>
          <div className="col-12 col-lg-8" aria-busy={searching} style={searching ? { opacity: 0.6 } : undefined}>
            <Results filters={filters} result={result} today={today} language={language} staff={staff} />
          </div>
        </div>
      </Form>
    </InLanguage>
  );
}

function SearchBox({ query, language }: { query: string; language: Language }) {
  const t = textsFor(language).jobSearch;
  return (
    <div className="form-group">
      <label className="form-label" htmlFor="q">
        {t.searchLabel}
      </label>
      <span className="form-hint" id="q-hint">
        {t.searchHint}
      </span>
      <div className="search">
        <input className="form-input" type="search" id="q" name="q" defaultValue={query} aria-describedby="q-hint" maxLength={200} />
        <button className="button button-search" type="submit">
          {t.search}
        </button>
      </div>
    </div>
  );
}

function Filters({ filters, result, language }: { filters: JobFilters; result: JobSearchResult; language: Language }) {
  const t = textsFor(language).jobSearch;
  const facets = result.facets;
  const withCount = <T extends string>(code: T, label: string, counts: Record<T, number> | undefined) => ({
    code,
    label,
    count: counts?.[code],
  });
  const everything = { code: '', label: t.all };

  return (
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="h3">
        {t.filtersHeading}
      </h2>
      <CheckboxGroup
        name="kind"
        legend={t.kindLegend}
        options={OPENING_KIND_ENTRIES.map((entry) => withCount(entry.code, entry[language], facets?.kinds))}
        checked={filters.kinds}
      />
      <RadioGroup
        name="hours"
        legend={t.hoursLegend}
        options={[everything, ...HOURS_BAND_ENTRIES.map((band) => withCount(band.code, band[language], facets?.hours))]}
        selected={filters.hours ?? ''}
      />
      <fieldset className="form-group">
        <legend className="form-label">{t.distanceLegend}</legend>
        <div className={result.unknownPostcode ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor="postcode">
            {t.postcodeLabel}
          </label>
          <span className="form-hint" id="postcode-hint">
            {t.postcodeHint}
          </span>
          {result.unknownPostcode ? (
            <span className="form-error-message" id="postcode-error">
              <span className="sr-only">{t.errorPrefix}</span>
              {filters.postcode && !isPostcodeShaped(filters.postcode) ? t.postcodeNotFourDigits : t.postcodeUnknown}
            </span>
          ) : null}
          <input
            className="form-input input-width-xs"
            type="text"
            id="postcode"
            name="postcode"
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={4}
            defaultValue={filters.postcode ?? ''}
            aria-describedby={result.unknownPostcode ? 'postcode-hint postcode-error' : 'postcode-hint'}
            aria-invalid={result.unknownPostcode || undefined}
          />
        </div>
        <SelectField
          name="radius"
          label={t.radiusLabel}
          options={RADIUS_OPTIONS_KM.map((km) => ({ code: String(km), label: `${km} km` }))}
          selected={String(filters.radiusKm)}
        />
      </fieldset>
      <RadioGroup
        name="start"
        legend={t.startLegend}
        options={[everything, ...START_BAND_ENTRIES.map((band) => withCount(band.code, band[language], facets?.start))]}
        selected={filters.start ?? ''}
      />
      <CheckboxGroup
        name="mark"
        legend={t.markedLegend}
        hint={t.markedHint}
        options={[{ code: 'on', label: t.markedOnly, count: facets?.marked }]}
        checked={filters.marked ? ['on'] : []}
      />
      <details className="details" open={filters.avoid.length > 0}>
        <summary className="details-summary">{t.avoidSummary}</summary>
        <div className="details-text">
          <CheckboxGroup
            name="avoid"
            legend={t.avoidLegend}
            hint={facets ? t.avoidHintWithCounts : t.avoidHint}
            options={DEMAND_ENTRIES.map((entry) => withCount(entry.code, entry[language], facets?.demands))}
            checked={filters.avoid}
          />
        </div>
      </details>
      <details className="details" open={filters.offers.length > 0}>
        <summary className="details-summary">{t.offersSummary}</summary>
        <div className="details-text">
          <CheckboxGroup
            name="offers"
            legend={t.offersLegend}
            hint={facets ? t.offersHintWithCounts : t.offersHint}
            options={ACCOMMODATION_ENTRIES.map((entry) => withCount(entry.code, entry[language], facets?.offers))}
            checked={filters.offers}
          />
        </div>
      </details>
      <button type="submit" className="button button-primary">
        {t.show}
      </button>
      {hasActiveFilters(filters) ? (
        <p>
          <Link to="/jobs">{t.clearAll}</Link>
        </p>
      ) : null}
    </section>
  );
}

function resultCountText(total: number, language: Language): string {
  return textsFor(language).jobSearch.jobCount(total, formatCountIn(total, language));
}

function resultSummary({ total, page, pageCount }: JobSearchResult, language: Language): string {
  const t = textsFor(language).jobSearch;
  if (total === 0) return t.noneFound;
  const found = t.found(resultCountText(total, language));
  // A page past the last (an old shared link) has no page number to tell; NoResults offers the first page.
  return pageCount > 1 && page <= pageCount ? `${found} ${t.onPage(page, pageCount)}` : found;
}

function Results({ filters, result, today, language, staff }: { filters: JobFilters; result: JobSearchResult; today: string; language: Language; staff: boolean }) {
  const t = textsFor(language).jobSearch;
  const detailSearch = jobFiltersToSearchParams(filters).toString();
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="h3">
        {t.resultsHeading}
      </h2>
      <p role="status">{resultSummary(result, language)}</p>
      <SelectField
        name="sort"
        label={t.sortLabel}
        options={JOB_SORT_ENTRIES.map((entry) => ({ code: entry.code, label: entry[language] }))}
        selected={filters.sort}
      />
      {filters.sort === 'nearest' && !result.place ? <p className="form-hint">{t.nearestNeedsPostcode}</p> : null}
      {result.total > JOB_MAX_TOTAL_HITS ? <p>{t.browseFirst(formatCountIn(JOB_MAX_TOTAL_HITS, language))}</p> : null}

      {result.hits.length > 0 ? (
        <ul className="nobullet-list">
          {result.hits.map((hit) => (
            <li key={hit.id}>
              <JobCard hit={hit} today={today} language={language} href={detailSearch ? `/jobs/${hit.id}?${detailSearch}` : `/jobs/${hit.id}`} staff={staff} />
            </li>
          ))}
        </ul>
      ) : (
        <NoResults filters={filters} result={result} language={language} />
      )}
      <Pagination filters={filters} result={result} language={language} />
    </section>
  );
}

/** The job's own words (title, company, place) are the company's Danish and say so to a screen reader. */
function JobCard({ hit, href, today, language, staff }: { hit: JobHit; href: string; today: string; language: Language; staff: boolean }) {
  const t = textsFor(language).jobSearch;
  return (
    <article className="card">
      <div className="card-content">
        <span className="card-subheading">{labelIn(OPENING_KIND_ENTRIES, hit.kind, language)}</span>
        <h3 className="card-heading h4" lang="da">
          <Link to={href}>{hit.title}</Link>
        </h3>
        <p>
          <strong>{hit.companyName}</strong>
        </p>
        <ul className="nobullet-list">
          <li>{t.weeklyHours(formatHoursIn({ min: hit.hoursMin, max: hit.hoursMax }, language, { unit: false }))}</li>
          <li>
            {hit.postcode} {hit.city}
            {hit.distanceKm !== null ? ` · ${formatKmIn(hit.distanceKm, language)}` : ''}
          </li>
          <li>{hit.startDate <= today ? t.startNow : t.startOn(formatDateIn(hit.startDate, language))}</li>
          {hit.socialMarks.map((jobcentre) => (
            <li key={jobcentre}>
              <SocialMarkBadge text={t.socialMark(jobcentre)} />
            </li>
          ))}
          {hit.accommodations.length > 0 ? (
            <li>{t.offers(hit.accommodations.map((code) => labelIn(ACCOMMODATION_ENTRIES, code, language).toLowerCase()).join(', '))}</li>
          ) : null}
          {staff ? (
            <li lang="da">
              <Link to={`/konsulent/jobopslag/${hit.id}`}>
                Se borgere der passer<span className="sr-only"> til {hit.title}</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </div>
    </article>
  );
}

/** Choices beyond the search words and the distance. */
function hasChoices(filters: JobFilters): boolean {
  return hasActiveFilters({ ...filters, q: '', postcode: null });
}

function NoResults({ filters, result, language }: { filters: JobFilters; result: JobSearchResult; language: Language }) {
  const t = textsFor(language).jobSearch;
  if (result.total > 0) {
    return (
      <p>
        {t.noMoreOnPage} <Link to={jobSearchHref(filters, { page: 1 })}>{t.firstPage}</Link>.
      </p>
    );
  }
  return (
    <div>
      <p>{t.broaden}</p>
      <ul>
        {filters.q ? <li>{t.broadenWords}</li> : null}
        {filters.postcode && filters.radiusKm < RADIUS_OPTIONS_KM[RADIUS_OPTIONS_KM.length - 1]! ? <li>{t.broadenDistance}</li> : null}
        {filters.kinds.length > 0 || filters.hours !== null || filters.start !== null ? <li>{t.broadenChoices}</li> : null}
        {filters.avoid.length > 0 || filters.offers.length > 0 || filters.marked ? <li>{t.broadenDemands}</li> : null}
      </ul>
      {hasChoices(filters) ? (
        <p>
          <Link to={jobSearchHref({ ...filters, kinds: [], hours: null, avoid: [], offers: [], start: null, marked: false, page: 1 })}>{t.keepWordsAndDistance}</Link>
        </p>
      ) : null}
    </div>
  );
}

function Pagination({ filters, result, language }: { filters: JobFilters; result: JobSearchResult; language: Language }) {
  const t = textsFor(language).jobSearch;
  if (result.pageCount <= 1) return null;
  const { page, pageCount } = result;
  return (
    <nav className="pagination" aria-label={t.pagesLabel}>
      {page > 1 ? (
        <Link to={jobSearchHref(filters, { page: Math.min(page - 1, pageCount) })} className="button button-arrow" rel="prev">
          {t.previous}
          <span className="sr-only">{t.pageWord}</span>
        </Link>
      ) : null}
      <span>{t.pageOf(Math.min(page, pageCount), pageCount)}</span>
      {page < pageCount ? (
        <Link to={jobSearchHref(filters, { page: page + 1 })} className="button button-arrow" rel="next">
          {t.next}
          <span className="sr-only">{t.pageWord}</span>
        </Link>
      ) : null}
    </nav>
  );
}
