/**
 * Every Meilisearch filter the app sends, in one place (decision 029): the hard filters of app/domain
 * translated (`meiliFilterOf`), the public job search's filters, matching's filters from either side, and
 * distance as postcodes (decisions 008 and 010). Pure: the caller hands in the postcodes within reach.
 */
import { OPEN_WITH_FREE_SLOT, SOCIALLY_RESPONSIBLE, allOf, citizenAvoidsNoneOf, hoursOverlapWith, openingAvoids, type Filter, type FilterValue } from '../app/domain/hard-filters';
import { hoursBandBounds, startBandWindow, type HoursBand, type JobFilters, type StartBand } from '../app/domain/job-filters';
import type { Demand, OpeningKind } from '../app/domain/vocabulary';
import { dayNumber } from './documents';

const quoted = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => `[${values.map(quoted).join(', ')}]`;
const literal = (value: FilterValue) => (typeof value === 'string' ? quoted(value) : String(value));

/** A domain filter as one Meilisearch filter expression; the parts of `all` at the top go as a list (AND). */
export function meiliFilterOf(filter: Filter): string[] {
  if ('all' in filter) return filter.all.flatMap((part) => meiliFilterOf(part));
  return [expression(filter)];
}

function expression(filter: Filter): string {
  if ('all' in filter) return filter.all.length === 0 ? 'id EXISTS' : `(${filter.all.map(expression).join(' AND ')})`;
  if ('any' in filter) return `(${filter.any.map(expression).join(' OR ')})`;
  if ('not' in filter) return `NOT ${expression(filter.not)}`;
  // On a list, `IN` asks whether any element is one of the values.
  if ('holdsAnyOf' in filter || 'oneOf' in filter) return `${filter.field} IN ${list('holdsAnyOf' in filter ? filter.holdsAnyOf : filter.oneOf)}`;
  return `${filter.field} ${filter.is} ${literal(filter.value)}`;
}

// ── Distance as postcodes ───────────────────────────────────────────────────────────────────────────────

export type PostcodeDistance = { postcode: string; distanceKm: number };

/** `postcode IN [...]`, or a filter nothing passes when the list is empty. */
export function postcodeInFilter(postcodes: readonly PostcodeDistance[]): string {
  return `postcode IN ${list(postcodes.map((postcode) => postcode.postcode))}`;
}

/**
 * Lower edges (km) of the distance bands of `withinReachFilter`. Few and coarse on purpose: every band is
 * one more postcode list and range look-up for Meilisearch on every query (bench/RESULTS.md: twelve bands
 * cost 12 ms per text query, four 8 ms, none 7 ms), and the exact reach is judged in code anyway.
 */
const REACH_BANDS_KM = [0, 10, 25, 50];

/**
 * The documents at these postcodes whose own `reachKm` roughly covers the distance: each band of postcodes
 * asks for a reach of at least the band's lower edge. The cut is lenient by less than a band (a citizen at
 * 20 km with a reach of 12 passes the 10–25 band); the exact reach is judged on the row in code.
 */
export function withinReachFilter(postcodes: readonly PostcodeDistance[]): string {
  const bands = new Map<number, string[]>();
  for (const { postcode, distanceKm: km } of postcodes) {
    const edge = REACH_BANDS_KM.findLast((lower) => lower <= km) ?? 0;
    bands.set(edge, [...(bands.get(edge) ?? []), postcode]);
  }
  if (bands.size === 0) return postcodeInFilter([]);
  const parts = [...bands].map(([edge, codes]) => {
    const inBand = `postcode IN ${list(codes)}`;
    return edge === 0 ? inBand : `(${inBand} AND reachKm >= ${edge})`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** One opening's postcode. */
export function postcodeIs(postcode: string): string {
  return `postcode = ${quoted(postcode)}`;
}

// ── The public job search (/jobs) ───────────────────────────────────────────────────────────────────────

/** The filter groups a visitor can change; a facet count leaves its own group out. */
export type JobFilterGroup = 'kinds' | 'hours' | 'avoid' | 'offers' | 'start' | 'place' | 'marked';

/** The dates of the index are yyyymmdd numbers (search/documents.ts). */
export function startFilter(band: StartBand, today: string): string {
  const window = startBandWindow(band, today);
  return 'until' in window ? `startDate <= ${dayNumber(window.until)}` : `startDate > ${dayNumber(window.after)}`;
}

export function hoursFilter(band: HoursBand): string {
  const { above, upTo } = hoursBandBounds(band);
  return upTo === null ? `hoursMax > ${above}` : `hoursMax > ${above} AND hoursMin <= ${upTo}`;
}

/**
 * The filter expressions of a search on /jobs, all joined by AND, leaving out the `omit` group. `place` is
 * the place's filter (postcodeInFilter of the postcodes within the radius), or null without a place.
 */
export function jobSearchFilter(filters: JobFilters, { today, place }: { today: string; place: string | null }, omit?: JobFilterGroup): string[] {
  const parts = meiliFilterOf(OPEN_WITH_FREE_SLOT);
  const applies = (group: JobFilterGroup) => group !== omit;
  if (applies('kinds') && filters.kinds.length > 0) parts.push(`kind IN ${list(filters.kinds)}`);
  if (applies('hours') && filters.hours) parts.push(hoursFilter(filters.hours));
  if (applies('avoid')) parts.push(...meiliFilterOf(allOf(openingAvoids(filters.avoid))));
  if (applies('offers')) for (const code of filters.offers) parts.push(`accommodations = ${quoted(code)}`);
  if (applies('start') && filters.start) parts.push(startFilter(filters.start, today));
  if (applies('place') && place) parts.push(place);
  if (applies('marked') && filters.marked) parts.push(...meiliFilterOf(SOCIALLY_RESPONSIBLE));
  return parts;
}

// ── Matching ────────────────────────────────────────────────────────────────────────────────────────────

type Hours = { hoursMin: number; hoursMax: number };

/** The citizens' hard filters for an opening but the place, which matching adds per query (withinReachFilter). */
export function citizenFilterForOpening(
  opening: Hours & { kind: OpeningKind; demands: readonly Demand[]; companyId: string },
  { jobcentreId, onlyConsultantId }: { jobcentreId: string; onlyConsultantId: string | null },
): string[] {
  const filter = [
    `jobcentreId = ${quoted(jobcentreId)}`,
    `eligibleKinds = ${quoted(opening.kind)}`,
    ...meiliFilterOf(allOf(hoursOverlapWith(opening), citizenAvoidsNoneOf(opening.demands))),
  ];
  if (opening.kind === 'sheltered_job') filter.push(`excludedCompanyIds != ${quoted(opening.companyId)}`);
  if (onlyConsultantId !== null) filter.push(`consultantId = ${quoted(onlyConsultantId)}`);
  return filter;
}

/** The openings' hard filters for a citizen but the place, which matching adds per query (postcodeInFilter). */
export function openingFilterForCitizen(
  citizen: Hours & { restrictions: readonly Demand[]; excludedCompanyIds: readonly string[] },
  kinds: readonly OpeningKind[],
): string[] {
  const filter = [
    ...meiliFilterOf(OPEN_WITH_FREE_SLOT),
    `kind IN ${list(kinds)}`,
    ...meiliFilterOf(allOf(hoursOverlapWith(citizen), openingAvoids(citizen.restrictions))),
  ];
  if (kinds.includes('sheltered_job') && citizen.excludedCompanyIds.length > 0) {
    filter.push(`(kind != "sheltered_job" OR NOT companyId IN ${list(citizen.excludedCompanyIds)})`);
  }
  return filter;
}
