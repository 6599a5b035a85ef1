/**
 * The filters of the public job search (/jobs) and their place in the URL, so that a search can be shared
 * and the page works as a plain GET form. Pure: parsing never throws; junk falls back to the defaults.
 */
import { addDays } from './format';
import {
  ACCOMMODATIONS,
  DEMANDS,
  OPENING_KINDS,
  type Accommodation,
  type Demand,
  type OpeningKind,
} from './vocabulary';

/** Weekly-hours bands. An opening belongs to a band when its range of hours meets the band. */
export const HOURS_BAND_ENTRIES = [
  { code: 'upto5', da: 'Op til 5 timer', en: 'Up to 5 hours', above: 0, upTo: 5 },
  { code: '6to10', da: '6–10 timer', en: '6–10 hours', above: 5, upTo: 10 },
  { code: '11to20', da: '11–20 timer', en: '11–20 hours', above: 10, upTo: 20 },
  { code: '21plus', da: '21 timer eller flere', en: '21 hours or more', above: 20, upTo: null },
] as const;
export type HoursBand = (typeof HOURS_BAND_ENTRIES)[number]['code'];
export const HOURS_BANDS = HOURS_BAND_ENTRIES.map((band) => band.code) as readonly HoursBand[];

/** When the job starts, counted from today; 'now' and 'month' are windows from today, 'later' is after a month. */
export const START_BAND_ENTRIES = [
  { code: 'now', da: 'Inden for 14 dage', en: 'Within 14 days', days: 14 },
  { code: 'month', da: 'Inden for en måned', en: 'Within a month', days: 31 },
  { code: 'later', da: 'Om mere end en måned', en: 'In more than a month', days: 31 },
] as const;
export type StartBand = (typeof START_BAND_ENTRIES)[number]['code'];
export const START_BANDS = START_BAND_ENTRIES.map((band) => band.code) as readonly StartBand[];

export const RADIUS_OPTIONS_KM = [5, 10, 25, 50] as const;
export type RadiusKm = (typeof RADIUS_OPTIONS_KM)[number];
export const DEFAULT_RADIUS_KM: RadiusKm = 10;

export const JOB_SORT_ENTRIES = [
  { code: 'relevance', da: 'Bedste match', en: 'Best match' },
  { code: 'nearest', da: 'Nærmeste først', en: 'Nearest first' },
  { code: 'newest', da: 'Nyeste først', en: 'Newest first' },
] as const;
export type JobSort = (typeof JOB_SORT_ENTRIES)[number]['code'];
export const JOB_SORTS = JOB_SORT_ENTRIES.map((sort) => sort.code) as readonly JobSort[];

export const JOB_PAGE_SIZE = 20;
/** Meilisearch's `pagination.maxTotalHits` for the openings index: no page beyond it can be reached. */
export const JOB_MAX_TOTAL_HITS = 5000;
export const JOB_MAX_PAGE = Math.ceil(JOB_MAX_TOTAL_HITS / JOB_PAGE_SIZE);
export const MAX_QUERY_LENGTH = 200;
/** Enough to show a mistyped postcode again ("80000", "8000 Aarhus"); the rest is cut. */
export const MAX_POSTCODE_INPUT = 12;

/** Four digits: the only thing that can be a Danish postcode. */
export function isPostcodeShaped(value: string): boolean {
  return /^\d{4}$/.test(value);
}

export type JobFilters = {
  q: string;
  kinds: OpeningKind[];
  hours: HoursBand | null;
  /**
   * As typed (trimmed, at most MAX_POSTCODE_INPUT characters), so that the form shows it again with a
   * message; whether it is a postcode at all is for the service to find out (`isPostcodeShaped`).
   */
  postcode: string | null;
  radiusKm: RadiusKm;
  /** Openings with any of these demands are left out. */
  avoid: Demand[];
  /** Only openings that offer all of these accommodations. */
  offers: Accommodation[];
  start: StartBand | null;
  /** Only openings of companies that hold the mark "Socialt ansvarlig virksomhed" (decision 033). */
  marked: boolean;
  sort: JobSort;
  page: number;
};

export const DEFAULT_JOB_FILTERS: JobFilters = {
  q: '',
  kinds: [],
  hours: null,
  postcode: null,
  radiusKm: DEFAULT_RADIUS_KM,
  avoid: [],
  offers: [],
  start: null,
  marked: false,
  sort: 'relevance',
  page: 1,
};

/** The URL parameter of each filter. Multi-valued filters repeat their parameter, as a GET form sends them. */
export const JOB_FILTER_PARAMS = {
  q: 'q',
  kinds: 'kind',
  hours: 'hours',
  postcode: 'postcode',
  radiusKm: 'radius',
  avoid: 'avoid',
  offers: 'offers',
  start: 'start',
  marked: 'mark',
  sort: 'sort',
  page: 'page',
} as const satisfies Record<keyof JobFilters, string>;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  const trimmed = value?.trim();
  return trimmed && (allowed as readonly string[]).includes(trimmed) ? (trimmed as T) : null;
}

/** The known codes among the values (repeated or comma-separated), without duplicates, in vocabulary order. */
function someOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
  const given = new Set(values.flatMap((value) => value.split(',')).map((value) => value.trim()));
  return allowed.filter((code) => given.has(code));
}

function wholeNumber(value: string | null): number | null {
  if (value === null || !/^\s*\d{1,6}\s*$/.test(value)) return null;
  return Number(value);
}

export function normaliseQuery(value: string | null): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

export function parseJobFilters(searchParams: URLSearchParams): JobFilters {
  const get = (key: keyof JobFilters) => searchParams.get(JOB_FILTER_PARAMS[key]);
  const getAll = (key: keyof JobFilters) => searchParams.getAll(JOB_FILTER_PARAMS[key]);

  const typed = get('postcode')?.trim().slice(0, MAX_POSTCODE_INPUT).trim() ?? '';
  // "8000 Aarhus C" is read as 8000: the city after the postcode is a common way to write it.
  const postcode = /^\d{4}(?!\d)/.exec(typed)?.[0] ?? typed;
  const radius = wholeNumber(get('radiusKm'));
  const page = wholeNumber(get('page'));
  return {
    q: normaliseQuery(get('q')),
    kinds: someOf(OPENING_KINDS, getAll('kinds')),
    hours: oneOf(HOURS_BANDS, get('hours')),
    postcode: postcode === '' ? null : postcode,
    radiusKm: RADIUS_OPTIONS_KM.find((option) => option === radius) ?? DEFAULT_RADIUS_KM,
    avoid: someOf(DEMANDS, getAll('avoid')),
    offers: someOf(ACCOMMODATIONS, getAll('offers')),
    start: oneOf(START_BANDS, get('start')),
    // The checkbox sends "on"; a shared link may say "1" or "true".
    marked: ['on', '1', 'true'].includes(get('marked')?.trim() ?? ''),
    sort: oneOf(JOB_SORTS, get('sort')) ?? DEFAULT_JOB_FILTERS.sort,
    page: page && page >= 1 ? Math.min(page, JOB_MAX_PAGE) : 1,
  };
}

/** The shortest URL parameters for the filters: defaults are left out, so equal searches get equal URLs. */
export function jobFiltersToSearchParams(filters: JobFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: keyof JobFilters, value: string) => params.append(JOB_FILTER_PARAMS[key], value);
  const q = normaliseQuery(filters.q);
  if (q) set('q', q);
  for (const kind of filters.kinds) set('kinds', kind);
  if (filters.hours) set('hours', filters.hours);
  if (filters.postcode) {
    set('postcode', filters.postcode);
    set('radiusKm', String(filters.radiusKm));
  }
  for (const demand of filters.avoid) set('avoid', demand);
  for (const accommodation of filters.offers) set('offers', accommodation);
  if (filters.start) set('start', filters.start);
  if (filters.marked) set('marked', '1');
  if (filters.sort !== DEFAULT_JOB_FILTERS.sort) set('sort', filters.sort);
  if (filters.page > 1) set('page', String(filters.page));
  return params;
}

/** The same search on another page (page 1 is left out of the URL). */
export function jobSearchHref(filters: JobFilters, changes: Partial<JobFilters> = {}): string {
  const query = jobFiltersToSearchParams({ ...filters, ...changes }).toString();
  return query ? `/jobs?${query}` : '/jobs';
}

/**
 * The order that is actually used: "nearest" needs a place to measure from, and "best match" needs words
 * to match, so without them the newest openings come first.
 */
export function effectiveSort(filters: Pick<JobFilters, 'q' | 'postcode' | 'sort'>): JobSort {
  if (filters.sort === 'nearest') return filters.postcode ? 'nearest' : filters.q ? 'relevance' : 'newest';
  if (filters.sort === 'relevance' && !filters.q) return 'newest';
  return filters.sort;
}

export function hasActiveFilters(filters: JobFilters): boolean {
  return (
    filters.q !== '' ||
    filters.kinds.length > 0 ||
    filters.hours !== null ||
    filters.postcode !== null ||
    filters.avoid.length > 0 ||
    filters.offers.length > 0 ||
    filters.start !== null ||
    filters.marked
  );
}

/** The hours band as bounds: a range [min, max] meets it when max > above and (no upTo or min ≤ upTo). */
export function hoursBandBounds(band: HoursBand): { above: number; upTo: number | null } {
  const entry = HOURS_BAND_ENTRIES.find((candidate) => candidate.code === band)!;
  return { above: entry.above, upTo: entry.upTo };
}

export function meetsHoursBand(band: HoursBand, range: { hoursMin: number; hoursMax: number }): boolean {
  const { above, upTo } = hoursBandBounds(band);
  return range.hoursMax > above && (upTo === null || range.hoursMin <= upTo);
}

export { addDays };

/** The start band as a date window: on or before `until`, or after `after` (ISO dates). */
export function startBandWindow(band: StartBand, today: string): { until: string } | { after: string } {
  const entry = START_BAND_ENTRIES.find((candidate) => candidate.code === band)!;
  const limit = addDays(today, entry.days);
  return band === 'later' ? { after: limit } : { until: limit };
}

export function meetsStartBand(band: StartBand, startDate: string, today: string): boolean {
  const window = startBandWindow(band, today);
  return 'until' in window ? startDate <= window.until : startDate > window.after;
}
