import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useNavigation, useSubmit } from '@remix-run/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDate, formatHours, formatKm, toIsoDate } from '../domain/format';
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
import {
  ACCOMMODATION_ENTRIES,
  ACCOMMODATION_LABELS,
  DEMAND_ENTRIES,
  OPENING_KIND_ENTRIES,
  OPENING_KIND_LABELS,
} from '../domain/vocabulary';
import { searchOpenings, type JobHit, type JobSearchResult } from '../services/job-search.server';
import { CheckboxGroup, RadioGroup, SelectField } from '../ui/choice-fields';

export const meta: MetaFunction = () => [
  { title: 'Find job · Jobbro' },
  { name: 'description', content: 'Find småjob, fleksjob og skånejob i dit område.' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseJobFilters(new URL(request.url).searchParams);
  const today = toIsoDate(new Date());
  const result = await searchOpenings(filters, { today });
  return { filters, result, today };
}

/** Typing waits this long after the last key before the results follow. */
const TYPING_DELAY_MS = 350;
const TEXT_FIELDS = new Set(['q', 'postcode']);

const numberFormat = new Intl.NumberFormat('da-DK');

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
  const { filters, result, today } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { formVersion, onChange, onSubmit } = useInstantSearch();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/jobs';

  return (
    <>
      <h1>Find job</h1>
      <p className="font-lead">
        Her finder du småjob, fleksjob og skånejob hos virksomheder i dit område. Din søgning står i adressen, så du
        kan gemme den eller dele den.
      </p>
      {result.source === 'database' ? (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-heading">Søgningen kører i en enklere udgave lige nu</p>
            <p className="alert-text">
              Du kan stadig søge og bruge filtrene, men søgningen retter ikke stavefejl, og du kan ikke se, hvor mange job
              der er ved hvert filter. Prøv igen senere for den fulde søgning.
            </p>
          </div>
        </div>
      ) : null}

      <Form key={formVersion} method="get" action="/jobs" onChange={onChange} onSubmit={onSubmit}>
        <SearchBox query={filters.q} />
        <p className="d-lg-none">
          <a href="#results-heading">Gå til jobbene ({resultCountText(result.total)})</a>
        </p>
        <div className="row">
          <div className="col-12 col-lg-4">
            <Filters filters={filters} result={result} />
          </div>
          <div className="col-12 col-lg-8" aria-busy={searching} style={searching ? { opacity: 0.6 } : undefined}>
            <Results filters={filters} result={result} today={today} />
          </div>
        </div>
      </Form>
    </>
  );
}

function SearchBox({ query }: { query: string }) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor="q">
        Søg efter job
      </label>
      <span className="form-hint" id="q-hint">
        Skriv fx rengøring, lager eller køkken.
      </span>
      <div className="search">
        <input className="form-input" type="search" id="q" name="q" defaultValue={query} aria-describedby="q-hint" maxLength={200} />
        <button className="button button-search" type="submit">
          Søg
        </button>
      </div>
    </div>
  );
}

function Filters({ filters, result }: { filters: JobFilters; result: JobSearchResult }) {
  const facets = result.facets;
  const withCount = <T extends string>(code: T, label: string, counts: Record<T, number> | undefined) => ({
    code,
    label,
    count: counts?.[code],
  });
  const everything = { code: '', label: 'Alle' };

  return (
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="h3">
        Vælg, hvad der passer dig
      </h2>
      <CheckboxGroup
        name="kind"
        legend="Slags job"
        options={OPENING_KIND_ENTRIES.map((entry) => withCount(entry.code, entry.da, facets?.kinds))}
        checked={filters.kinds}
      />
      <RadioGroup
        name="hours"
        legend="Timer om ugen"
        options={[everything, ...HOURS_BAND_ENTRIES.map((band) => withCount(band.code, band.da, facets?.hours))]}
        selected={filters.hours ?? ''}
      />
      <fieldset className="form-group">
        <legend className="form-label">Afstand</legend>
        <div className={result.unknownPostcode ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor="postcode">
            Dit postnummer
          </label>
          <span className="form-hint" id="postcode-hint">
            Fx 8000. Så ser du, hvor langt der er til jobbet.
          </span>
          {result.unknownPostcode ? (
            <span className="form-error-message" id="postcode-error">
              <span className="sr-only">Fejl: </span>
              {filters.postcode && !isPostcodeShaped(filters.postcode)
                ? 'Et postnummer har 4 cifre, fx 8000. Indtil da viser vi job i hele landet.'
                : 'Vi kender ikke postnummeret. Tjek, at det er skrevet rigtigt. Indtil da viser vi job i hele landet.'}
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
          label="Højst så langt væk"
          options={RADIUS_OPTIONS_KM.map((km) => ({ code: String(km), label: `${km} km` }))}
          selected={String(filters.radiusKm)}
        />
      </fieldset>
      <RadioGroup
        name="start"
        legend="Hvornår kan du starte?"
        options={[everything, ...START_BAND_ENTRIES.map((band) => withCount(band.code, band.da, facets?.start))]}
        selected={filters.start ?? ''}
      />
      <details className="details" open={filters.avoid.length > 0}>
        <summary className="details-summary">Undgå job med bestemte krav</summary>
        <div className="details-text">
          <CheckboxGroup
            name="avoid"
            legend="Vis ikke job med"
            hint={
              facets
                ? 'Sæt flueben ved det, du ikke kan. Tallet er, hvor mange af jobbene der har kravet.'
                : 'Sæt flueben ved det, du ikke kan.'
            }
            options={DEMAND_ENTRIES.map((entry) => withCount(entry.code, entry.da, facets?.demands))}
            checked={filters.avoid}
          />
        </div>
      </details>
      <details className="details" open={filters.offers.length > 0}>
        <summary className="details-summary">Hensyn, virksomheden tilbyder</summary>
        <div className="details-text">
          <CheckboxGroup
            name="offers"
            legend="Virksomheden skal tilbyde"
            hint={
              facets
                ? 'Vi viser kun job, der tilbyder alt det, du vælger. Tallet er, hvor mange job der så er tilbage.'
                : 'Vi viser kun job, der tilbyder alt det, du vælger.'
            }
            options={ACCOMMODATION_ENTRIES.map((entry) => withCount(entry.code, entry.da, facets?.offers))}
            checked={filters.offers}
          />
        </div>
      </details>
      <button type="submit" className="button button-primary">
        Vis job
      </button>
      {hasActiveFilters(filters) ? (
        <p>
          <Link to="/jobs">Fjern alle filtre og søgeord</Link>
        </p>
      ) : null}
    </section>
  );
}

function resultCountText(total: number): string {
  return total === 0 ? 'ingen' : `${numberFormat.format(total)} job`;
}

function resultSummary({ total, page, pageCount }: JobSearchResult): string {
  if (total === 0) return 'Vi fandt ingen job, der passer til din søgning.';
  const found = `Vi fandt ${resultCountText(total)}.`;
  // A page past the last (an old shared link) has no page number to tell; NoResults offers the first page.
  return pageCount > 1 && page <= pageCount ? `${found} Du ser side ${page} af ${pageCount}.` : found;
}

function Results({ filters, result, today }: { filters: JobFilters; result: JobSearchResult; today: string }) {
  const detailSearch = jobFiltersToSearchParams(filters).toString();
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="h3">
        Job
      </h2>
      <p role="status">{resultSummary(result)}</p>
      <SelectField
        name="sort"
        label="Vis først"
        options={JOB_SORT_ENTRIES.map((entry) => ({ code: entry.code, label: entry.da }))}
        selected={filters.sort}
      />
      {filters.sort === 'nearest' && !result.place ? (
        <p className="form-hint">Skriv dit postnummer under Afstand for at se de nærmeste job først.</p>
      ) : null}
      {result.total > JOB_MAX_TOTAL_HITS ? (
        <p>Du kan bladre i de første {numberFormat.format(JOB_MAX_TOTAL_HITS)}. Vælg flere filtre for at finde de rigtige.</p>
      ) : null}

      {result.hits.length > 0 ? (
        <ul className="nobullet-list">
          {result.hits.map((hit) => (
            <li key={hit.id}>
              <JobCard hit={hit} today={today} href={detailSearch ? `/jobs/${hit.id}?${detailSearch}` : `/jobs/${hit.id}`} />
            </li>
          ))}
        </ul>
      ) : (
        <NoResults filters={filters} result={result} />
      )}
      <Pagination filters={filters} result={result} />
    </section>
  );
}

function hoursText(hit: Pick<JobHit, 'hoursMin' | 'hoursMax'>): string {
  return `${formatHours({ min: hit.hoursMin, max: hit.hoursMax }, { unit: false })} timer om ugen`;
}

function JobCard({ hit, href, today }: { hit: JobHit; href: string; today: string }) {
  return (
    <article className="card">
      <div className="card-content">
        <span className="card-subheading">{OPENING_KIND_LABELS[hit.kind]}</span>
        <h3 className="card-heading h4">
          <Link to={href}>{hit.title}</Link>
        </h3>
        <p>
          <strong>{hit.companyName}</strong>
        </p>
        <ul className="nobullet-list">
          <li>{hoursText(hit)}</li>
          <li>
            {hit.postcode} {hit.city}
            {hit.distanceKm !== null ? ` · ${formatKm(hit.distanceKm)}` : ''}
          </li>
          <li>{hit.startDate <= today ? 'Start: med det samme' : `Start: ${formatDate(hit.startDate)}`}</li>
          {hit.accommodations.length > 0 ? (
            <li>Tilbyder: {hit.accommodations.map((code) => ACCOMMODATION_LABELS[code].toLowerCase()).join(', ')}</li>
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

function NoResults({ filters, result }: { filters: JobFilters; result: JobSearchResult }) {
  if (result.total > 0) {
    return (
      <p>
        Der er ikke flere job på denne side. <Link to={jobSearchHref(filters, { page: 1 })}>Gå til første side</Link>.
      </p>
    );
  }
  return (
    <div>
      <p>Prøv at gøre søgningen bredere:</p>
      <ul>
        {filters.q ? <li>Søg på et andet eller kortere ord, fx “lager” i stedet for “lagermedarbejder”.</li> : null}
        {filters.postcode && filters.radiusKm < RADIUS_OPTIONS_KM[RADIUS_OPTIONS_KM.length - 1]! ? <li>Vælg en større afstand.</li> : null}
        {filters.kinds.length > 0 || filters.hours !== null || filters.start !== null ? <li>Fjern nogle af dine valg under slags job, timer eller start.</li> : null}
        {filters.avoid.length > 0 || filters.offers.length > 0 ? <li>Fjern nogle af de krav eller hensyn, du har valgt.</li> : null}
      </ul>
      {hasChoices(filters) ? (
        <p>
          <Link to={jobSearchHref({ ...filters, kinds: [], hours: null, avoid: [], offers: [], start: null, page: 1 })}>
            Behold søgeordet og afstanden, og fjern de andre filtre
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function Pagination({ filters, result }: { filters: JobFilters; result: JobSearchResult }) {
  if (result.pageCount <= 1) return null;
  const { page, pageCount } = result;
  return (
    <nav className="pagination" aria-label="Sider med job">
      {page > 1 ? (
        <Link to={jobSearchHref(filters, { page: Math.min(page - 1, pageCount) })} className="button button-arrow" rel="prev">
          Forrige<span className="sr-only"> side</span>
        </Link>
      ) : null}
      <span>
        Side {Math.min(page, pageCount)} af {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={jobSearchHref(filters, { page: page + 1 })} className="button button-arrow" rel="next">
          Næste<span className="sr-only"> side</span>
        </Link>
      ) : null}
    </nav>
  );
}
