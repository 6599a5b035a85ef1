/**
 * The public job search (/jobs) and the public page of one opening. Search runs on the Meilisearch
 * `openings` index; when Meilisearch is down or not configured it falls back to a simpler search in
 * PostgreSQL, and says so (`source: 'database'`) so that the page can tell the user.
 *
 * Distance is exact in Meilisearch, not a bounding box cut in code, so the counts next to the filters and
 * the pages agree with the list (docs/decisions/004-geo-filter.md). An opening's place is its postcode's, so
 * "within r km" is the set of postcodes within r km: `postcode IN [...]` costs Meilisearch a few look-ups
 * where `_geoRadius` read its whole geo tree for every query (docs/decisions/008-distance-by-postcode.md).
 * "Nearest first" is by postcode too, from the count per postcode (decision 010): the openings index keeps
 * no geo tree, which Meilisearch rewrote whole for every change.
 */
import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { MultiSearchQuery, MultiSearchResult } from 'meilisearch';
import { db } from '../../db/client';
import { companies, jobcentres, openings, socialMarks, type WeekSchedule } from '../../db/schema';
import { describeSearchError, isSearchConfigured, searchClient, searchIndexNames } from '../../search/client';
import { dayNumber, type OpeningDocument } from '../../search/documents';
import { hoursFilter, jobSearchFilter, postcodeInFilter, postcodeIs, startFilter, type JobFilterGroup } from '../../search/filters';
import { freeSlotsOf } from '../domain/slots';
import { distanceKm } from '../domain/geo';
import {
  HOURS_BANDS,
  JOB_MAX_TOTAL_HITS,
  JOB_PAGE_SIZE,
  START_BANDS,
  effectiveSort,
  hoursBandBounds,
  startBandWindow,
  type HoursBand,
  type JobFilters,
  type JobSort,
  type StartBand,
} from '../domain/job-filters';
import {
  ACCOMMODATIONS,
  DEMANDS,
  OPENING_KINDS,
  type Accommodation,
  type Demand,
  type OpeningKind,
} from '../domain/vocabulary';
import { GoneError, NotFoundError } from './errors.server';
import { jobSearchConditions, openWithFreeSlot, takenSlots } from './sql-filters.server';
import { postcodesWithin } from './postcode-filters.server';
import { isUuid } from './object-access.server';
import { findPostcode } from './postcodes.server';

/** One opening in the result list: what a card shows, nothing more. */
export type JobHit = {
  id: string;
  title: string;
  kind: OpeningKind;
  companyName: string;
  hoursMin: number;
  hoursMax: number;
  city: string;
  postcode: string;
  /** From the postcode searched from; null without one. */
  distanceKm: number | null;
  /** 'YYYY-MM-DD' */
  startDate: string;
  accommodations: Accommodation[];
  /** The jobcentres whose mark "Socialt ansvarlig virksomhed" the company holds, by name (decision 033). */
  socialMarks: string[];
};

/**
 * Counts next to the filters. Each tells how many openings the page would list after ticking that choice,
 * given the other choices — except `demands`, which tells how many of the openings found (before any demand
 * is avoided) have the demand, i.e. how many avoiding it would remove.
 */
export type JobFacets = {
  kinds: Record<OpeningKind, number>;
  hours: Record<HoursBand, number>;
  start: Record<StartBand, number>;
  demands: Record<Demand, number>;
  offers: Record<Accommodation, number>;
  /** Openings of companies with the mark among those found: ticking the filter narrows to them. */
  marked: number;
};

export type JobSearchResult = {
  source: 'meilisearch' | 'database';
  hits: JobHit[];
  total: number;
  page: number;
  pageCount: number;
  /** The order actually used (see effectiveSort). */
  sort: JobSort;
  /** The place distances are measured from, when the postcode is known. */
  place: { postcode: string; city: string } | null;
  /** A postcode was given but is not in the postcode table: the distance filter was not used. */
  unknownPostcode: boolean;
  /** Null in the database fallback, which does not count. */
  facets: JobFacets | null;
};

export type JobSearchContext = {
  /** 'YYYY-MM-DD' in Danish time. */
  today: string;
};

/** Meilisearch must answer well within a page load; past this the database answers instead. */
const SEARCH_TIMEOUT_MS = 2500;

/**
 * Every word must match (with typos and synonyms): the total, the counts and every order then list the same
 * openings, and the database fallback, which matches every word too, finds the same.
 */
const MATCHING_STRATEGY = 'all';

const HIT_ATTRIBUTES = [
  'id',
  'title',
  'kind',
  'companyName',
  'hoursMin',
  'hoursMax',
  'city',
  'postcode',
  'startDate',
  'accommodations',
  'socialMarks',
] as const satisfies readonly (keyof OpeningDocument)[];

type OpeningHitDocument = Pick<OpeningDocument, (typeof HIT_ATTRIBUTES)[number]>;

type Place = { postcode: string; city: string; lat: number; lon: number };

type SearchPlan = {
  filters: JobFilters;
  today: string;
  place: Place | null;
  unknownPostcode: boolean;
  sort: JobSort;
};

function planSearch(filters: JobFilters, { today }: JobSearchContext): SearchPlan {
  const found = filters.postcode ? findPostcode(filters.postcode) : undefined;
  const place = found ? { postcode: found.postcode, city: found.city, lat: found.lat, lon: found.lon } : null;
  // An unknown postcode cannot sort by distance either.
  const sort = effectiveSort({ ...filters, postcode: place ? filters.postcode : null });
  return { filters, today, place, unknownPostcode: filters.postcode !== null && !place, sort };
}

export async function searchOpenings(filters: JobFilters, context: JobSearchContext): Promise<JobSearchResult> {
  const plan = planSearch(filters, context);
  if (!isSearchConfigured()) return searchPlanInDatabase(plan);
  try {
    return await searchPlanInMeilisearch(plan);
  } catch (error) {
    console.warn(`Job search: Meilisearch did not answer (${describeSearchError(error)}); searching the database instead.`);
    return searchPlanInDatabase(plan);
  }
}

/** The same search in PostgreSQL, for when Meilisearch cannot answer: simpler text match, no counts. */
export async function searchOpeningsInDatabase(filters: JobFilters, context: JobSearchContext): Promise<JobSearchResult> {
  return searchPlanInDatabase(planSearch(filters, context));
}

// ---------------------------------------------------------------------------------------------------------
// Meilisearch

/** By searched postcode and radius: the table and the four radius options never change. */
const placeFilters = new Map<string, string>();

/**
 * The openings within the radius, as a filter on their postcodes. Every opening is placed at its postcode's
 * coordinates (openings.server.ts), so this is exactly the set `_geoRadius` would give, measured with the
 * distance shown on the cards.
 */
function placeFilter(place: Place, radiusKm: number): string {
  const key = `${place.postcode}:${radiusKm}`;
  let filter = placeFilters.get(key);
  if (filter === undefined) {
    filter = postcodeInFilter(postcodesWithin(place, radiusKm));
    placeFilters.set(key, filter);
  }
  return filter;
}

/** Meilisearch filter expressions for the plan, all joined by AND, leaving out the `omit` group. */
function meiliFilter({ filters, today, place }: SearchPlan, omit?: JobFilterGroup): string[] {
  return jobSearchFilter(filters, { today, place: place && omit !== 'place' ? placeFilter(place, filters.radiusKm) : null }, omit);
}

/** Nearest first is not a Meilisearch sort: see nearestPage. */
function meiliSort({ sort }: SearchPlan): string[] | undefined {
  return sort === 'newest' ? ['publishedAt:desc'] : undefined;
}

type Distribution = Record<string, number>;

function distributionOf(result: MultiSearchResult<Record<string, unknown>> | undefined, facet: string): Distribution {
  return result?.facetDistribution?.[facet] ?? {};
}

const sumOf = (distribution: Distribution) => Object.values(distribution).reduce((total, value) => total + value, 0);

function countsFor<T extends string>(codes: readonly T[], distribution: Distribution): Record<T, number> {
  return Object.fromEntries(codes.map((code) => [code, distribution[code] ?? 0])) as Record<T, number>;
}

/** How many of the documents have a value ≤ limit; undefined when the distribution is cut short. */
function countAtMost(distribution: Distribution, limit: number, total: number): number | undefined {
  if (sumOf(distribution) !== total) return undefined;
  return Object.entries(distribution).reduce((sum, [value, n]) => (Number(value) <= limit ? sum + n : sum), 0);
}

/**
 * An opening meets the band (above, upTo] when hoursMin ≤ upTo and hoursMax > above. Every opening with
 * hoursMax ≤ above also has hoursMin ≤ upTo, so count = #(hoursMin ≤ upTo) − #(hoursMax ≤ above).
 */
function hoursCountsFrom(result: MultiSearchResult<Record<string, unknown>>): Record<HoursBand, number> | undefined {
  const total = sumOf(distributionOf(result, 'kind'));
  const minimums = distributionOf(result, 'hoursMin');
  const maximums = distributionOf(result, 'hoursMax');
  const counts = {} as Record<HoursBand, number>;
  for (const band of HOURS_BANDS) {
    const { above, upTo } = hoursBandBounds(band);
    const minAtMostUpTo = upTo === null ? total : countAtMost(minimums, upTo, total);
    const maxAtMostAbove = countAtMost(maximums, above, total);
    if (minAtMostUpTo === undefined || maxAtMostAbove === undefined) return undefined;
    counts[band] = minAtMostUpTo - maxAtMostAbove;
  }
  return counts;
}

function startCountsFrom(result: MultiSearchResult<Record<string, unknown>>, today: string): Record<StartBand, number> | undefined {
  const total = sumOf(distributionOf(result, 'kind'));
  const dates = distributionOf(result, 'startDate');
  const counts = {} as Record<StartBand, number>;
  for (const band of START_BANDS) {
    const window = startBandWindow(band, today);
    const limit = dayNumber('until' in window ? window.until : window.after);
    const atMost = countAtMost(dates, limit, total);
    if (atMost === undefined) return undefined;
    counts[band] = 'until' in window ? atMost : total - atMost;
  }
  return counts;
}

/**
 * One multi-search: the page of hits with the facets its own filters allow, plus, for each filter group in
 * use, the same search without that group, so the counts next to a group show the alternatives. Every
 * query facets on `kind`: each opening has one kind, so the sum is the exact total (totalHits stops at
 * maxTotalHits). Band counts come from the hoursMin/hoursMax/startDate distributions; in the rare case one
 * is cut short by maxValuesPerFacet, a second round trip counts the bands one by one.
 */
async function searchPlanInMeilisearch(plan: SearchPlan): Promise<JobSearchResult> {
  const { filters } = plan;
  const indexUid = searchIndexNames().openings;
  const signal = AbortSignal.timeout(SEARCH_TIMEOUT_MS);

  const nearest = plan.sort === 'nearest' && plan.place !== null;
  const mainFacets = ['kind', 'accommodations', 'sociallyResponsible'];
  // Nearest first: the count per postcode places the page among the postcodes (nearestPage).
  if (nearest) mainFacets.push('postcode');
  if (filters.avoid.length === 0) mainFacets.push('demands');
  if (!filters.hours) mainFacets.push('hoursMin', 'hoursMax');
  if (!filters.start) mainFacets.push('startDate');

  const queries: MultiSearchQuery[] = [
    {
      indexUid,
      q: filters.q,
      matchingStrategy: MATCHING_STRATEGY,
      filter: meiliFilter(plan),
      sort: meiliSort(plan),
      facets: mainFacets,
      page: filters.page,
      hitsPerPage: nearest ? 0 : JOB_PAGE_SIZE,
      attributesToRetrieve: [...HIT_ATTRIBUTES],
    },
  ];
  const positions: Partial<Record<'kinds' | 'avoid' | 'hours' | 'start', number>> = {};
  const addCountQuery = (group: keyof typeof positions, facets: string[]) => {
    positions[group] = queries.length;
    queries.push({ indexUid, q: filters.q, matchingStrategy: MATCHING_STRATEGY, filter: meiliFilter(plan, group), facets, hitsPerPage: 0 });
  };
  if (filters.kinds.length > 0) addCountQuery('kinds', ['kind']);
  if (filters.avoid.length > 0) addCountQuery('avoid', ['kind', 'demands']);
  if (filters.hours) addCountQuery('hours', ['kind', 'hoursMin', 'hoursMax']);
  if (filters.start) addCountQuery('start', ['kind', 'startDate']);

  const { results } = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, Record<string, unknown>>({ queries }, { signal });
  const main = results[0]!;
  const resultFor = (group: keyof typeof positions) => results[positions[group] ?? 0]!;

  const total = sumOf(distributionOf(main, 'kind'));
  const hours = hoursCountsFrom(resultFor('hours')) ?? (await countBands(plan, 'hours', HOURS_BANDS, signal));
  const start = startCountsFrom(resultFor('start'), plan.today) ?? (await countBands(plan, 'start', START_BANDS, signal));

  const hits = nearest ? await nearestPage(plan, distributionOf(main, 'postcode'), total, signal) : (main.hits as unknown as OpeningHitDocument[]);

  return {
    source: 'meilisearch',
    hits: hits.map((hit) => toJobHit(hit, plan.place)),
    total,
    page: filters.page,
    pageCount: pageCountOf(total),
    sort: plan.sort,
    place: plan.place ? { postcode: plan.place.postcode, city: plan.place.city } : null,
    unknownPostcode: plan.unknownPostcode,
    facets: {
      kinds: countsFor(OPENING_KINDS, distributionOf(resultFor('kinds'), 'kind')),
      hours,
      start,
      demands: countsFor(DEMANDS, distributionOf(resultFor('avoid'), 'demands')),
      offers: countsFor(ACCOMMODATIONS, distributionOf(main, 'accommodations')),
      marked: distributionOf(main, 'sociallyResponsible')['true'] ?? 0,
    },
  };
}

/**
 * The page of a nearest-first search. Openings sit at their postcodes, so nearest first is the postcodes in
 * order of distance (then number), and within one postcode, all at the same distance, the best match for the
 * words or else the newest first. From the count per postcode, the page's 20 places fall in a few postcodes;
 * one query per such postcode fetches its part, in one round trip.
 */
async function nearestPage(plan: SearchPlan, perPostcode: Distribution, total: number, signal: AbortSignal): Promise<OpeningHitDocument[]> {
  const start = (plan.filters.page - 1) * JOB_PAGE_SIZE;
  const end = Math.min(start + JOB_PAGE_SIZE, total, JOB_MAX_TOTAL_HITS);
  const indexUid = searchIndexNames().openings;
  const queries: MultiSearchQuery[] = [];
  let before = 0;
  for (const { postcode } of postcodesWithin(plan.place!, plan.filters.radiusKm)) {
    if (before >= end) break;
    const count = perPostcode[postcode] ?? 0;
    if (count > 0 && before + count > start) {
      const offset = Math.max(0, start - before);
      queries.push({
        indexUid,
        q: plan.filters.q,
        matchingStrategy: MATCHING_STRATEGY,
        filter: [...meiliFilter(plan, 'place'), postcodeIs(postcode)],
        sort: plan.filters.q ? undefined : ['publishedAt:desc'],
        offset,
        limit: Math.min(count, end - before) - offset,
        attributesToRetrieve: [...HIT_ATTRIBUTES],
      });
    }
    before += count;
  }
  if (queries.length === 0) return [];
  const { results } = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, OpeningHitDocument>({ queries }, { signal });
  return results.flatMap((result) => result.hits as OpeningHitDocument[]);
}

/** Counts each band with its own query (without the group's current choice) in one round trip. */
async function countBands<T extends HoursBand | StartBand>(
  plan: SearchPlan,
  group: 'hours' | 'start',
  bands: readonly T[],
  signal: AbortSignal,
): Promise<Record<T, number>> {
  const indexUid = searchIndexNames().openings;
  const queries: MultiSearchQuery[] = bands.map((band) => ({
    indexUid,
    q: plan.filters.q,
    matchingStrategy: MATCHING_STRATEGY,
    filter: [
      ...meiliFilter(plan, group),
      group === 'hours' ? hoursFilter(band as HoursBand) : startFilter(band as StartBand, plan.today),
    ],
    facets: ['kind'],
    hitsPerPage: 0,
  }));
  const { results } = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, Record<string, unknown>>({ queries }, { signal });
  return Object.fromEntries(bands.map((band, index) => [band, sumOf(distributionOf(results[index], 'kind'))])) as Record<T, number>;
}

function pageCountOf(total: number): number {
  return Math.ceil(Math.min(total, JOB_MAX_TOTAL_HITS) / JOB_PAGE_SIZE);
}

function isoDateOfDayNumber(day: number): string {
  const digits = String(day).padStart(8, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** From the searched place to an opening's postcode, where the opening sits; null for a postcode not in the table. */
function distanceToPostcode(place: Place, postcode: string): number | null {
  const at = findPostcode(postcode);
  return at ? distanceKm(place, at) : null;
}

function toJobHit(hit: OpeningHitDocument, place: Place | null): JobHit {
  return {
    id: hit.id,
    title: hit.title,
    kind: hit.kind,
    companyName: hit.companyName,
    hoursMin: hit.hoursMin,
    hoursMax: hit.hoursMax,
    city: hit.city,
    postcode: hit.postcode,
    distanceKm: place ? distanceToPostcode(place, hit.postcode) : null,
    startDate: isoDateOfDayNumber(hit.startDate),
    accommodations: hit.accommodations,
    // Documents indexed before the mark existed have none until they are re-indexed.
    socialMarks: hit.socialMarks ?? [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL fallback

/** The names of the jobcentres whose mark the opening's company holds, as a column of a query on `openings`. */
const socialMarkNames = sql<string[]>`(select coalesce(json_agg(${jobcentres.name} order by ${jobcentres.name}), '[]'::json) from ${socialMarks} join ${jobcentres} on ${jobcentres.id} = ${socialMarks.jobcentreId} where ${socialMarks.companyId} = ${openings.companyId} and ${socialMarks.held})`;

const hitColumns = {
  id: openings.id,
  title: openings.title,
  kind: openings.kind,
  companyName: companies.name,
  hoursMin: openings.hoursMin,
  hoursMax: openings.hoursMax,
  city: openings.city,
  postcode: openings.postcode,
  startDate: openings.startDate,
  accommodations: openings.accommodations,
  socialMarks: socialMarkNames,
  lat: openings.lat,
  lon: openings.lon,
};

type HitRow = { [K in Exclude<keyof typeof hitColumns, 'socialMarks'>]: (typeof hitColumns)[K]['_']['data'] } & { socialMarks: string[] };

function rowToJobHit({ lat, lon, ...row }: HitRow, place: Place | null): JobHit {
  return { ...row, distanceKm: place ? distanceKm(place, { lat, lon }) : null };
}

async function searchPlanInDatabase(plan: SearchPlan): Promise<JobSearchResult> {
  const { filters, place } = plan;
  const where = and(...jobSearchConditions(filters, { today: plan.today, place }));
  const newestFirst = [sql`${openings.publishedAt} desc nulls last`, desc(openings.createdAt), asc(openings.id)];
  const offset = (filters.page - 1) * JOB_PAGE_SIZE;

  let hits: JobHit[];
  let total: number;
  if (place) {
    // Distances are exact only in code, so every opening in the box is read (at most as many as search pages through).
    const rows = await db()
      .select(hitColumns)
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(where)
      .orderBy(...newestFirst)
      .limit(JOB_MAX_TOTAL_HITS);
    const inRadius = rows.map((row) => rowToJobHit(row, place)).filter((hit) => hit.distanceKm! <= filters.radiusKm);
    if (plan.sort === 'nearest') inRadius.sort((a, b) => a.distanceKm! - b.distanceKm!);
    total = inRadius.length;
    hits = inRadius.slice(offset, offset + JOB_PAGE_SIZE);
  } else {
    const [rows, [counted]] = await Promise.all([
      db()
        .select(hitColumns)
        .from(openings)
        .innerJoin(companies, eq(companies.id, openings.companyId))
        .where(where)
        .orderBy(...newestFirst)
        .limit(JOB_PAGE_SIZE)
        .offset(offset),
      db().select({ total: count() }).from(openings).innerJoin(companies, eq(companies.id, openings.companyId)).where(where),
    ]);
    total = counted?.total ?? 0;
    hits = rows.map((row) => rowToJobHit(row, null));
  }

  return {
    source: 'database',
    hits,
    total,
    page: filters.page,
    pageCount: pageCountOf(total),
    // Without Meilisearch there is no relevance ranking: the newest come first.
    sort: plan.sort === 'relevance' ? 'newest' : plan.sort,
    place: place ? { postcode: place.postcode, city: place.city } : null,
    unknownPostcode: plan.unknownPostcode,
    facets: null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// One opening

export type PublicOpening = {
  id: string;
  kind: OpeningKind;
  title: string;
  description: string;
  tasks: string[];
  hoursMin: number;
  hoursMax: number;
  flexjobExpectedHours: number | null;
  hourlyWage: number | null;
  /** The collective agreement the wage follows ("efter overenskomst"), when no hourly wage is stated. */
  wageAgreement: string | null;
  schedule: WeekSchedule;
  /** 'YYYY-MM-DD' */
  startDate: string;
  freeSlots: number;
  postcode: string;
  city: string;
  demands: Demand[];
  accommodations: Accommodation[];
  languageNeeds: string;
  drivingLicenceRequired: boolean;
  companyName: string;
  /** The jobcentres whose mark "Socialt ansvarlig virksomhed" the company holds, by name. */
  socialMarks: string[];
  /** Phone and e-mail only for a signed-in user (see getPublicOpening). */
  contact: { name: string; role: string; phone: string | null; email: string | null };
};

/**
 * The public page of an opening: only while it is open with a free slot, as in search; otherwise not found.
 * The contact person's name and role are public; their phone and e-mail go only to signed-in users, so the
 * page does not hand employees' direct contact details to anyone who scrapes it.
 */
export const JOB_NO_LONGER_AVAILABLE = 'Jobbet er ikke længere ledigt. Det kan være besat, sat på pause eller lukket.';

export async function getPublicOpening(id: string, { includeContactDetails = false } = {}): Promise<PublicOpening> {
  if (!isUuid(id)) throw new NotFoundError('Jobbet');
  const [row] = await db()
    .select({
      id: openings.id,
      kind: openings.kind,
      title: openings.title,
      description: openings.description,
      tasks: openings.tasks,
      hoursMin: openings.hoursMin,
      hoursMax: openings.hoursMax,
      flexjobExpectedHours: openings.flexjobExpectedHours,
      hourlyWage: openings.hourlyWage,
      wageAgreement: openings.wageAgreement,
      schedule: openings.schedule,
      startDate: openings.startDate,
      slots: openings.slots,
      takenSlots,
      postcode: openings.postcode,
      city: openings.city,
      demands: openings.demands,
      accommodations: openings.accommodations,
      languageNeeds: openings.languageNeeds,
      drivingLicenceRequired: openings.drivingLicenceRequired,
      companyName: companies.name,
      socialMarks: socialMarkNames,
      contactName: openings.contactName,
      contactRole: openings.contactRole,
      contactPhone: openings.contactPhone,
      contactEmail: openings.contactEmail,
    })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(and(eq(openings.id, id), openWithFreeSlot));
  if (!row) {
    // A link to a job that was published and has since been filled, paused or closed is answered as such
    // (someone followed an old link); a draft was never public and stays unknown.
    const [published] = await db().select({ status: openings.status }).from(openings).where(and(eq(openings.id, id), ne(openings.status, 'draft')));
    if (published) throw new GoneError(JOB_NO_LONGER_AVAILABLE);
    throw new NotFoundError('Jobbet');
  }

  const { slots, takenSlots: taken, contactName, contactRole, contactPhone, contactEmail, ...opening } = row;
  return {
    ...opening,
    freeSlots: freeSlotsOf(slots, Number(taken)),
    contact: {
      name: contactName,
      role: contactRole,
      phone: includeContactDetails ? contactPhone : null,
      email: includeContactDetails ? contactEmail : null,
    },
  };
}
