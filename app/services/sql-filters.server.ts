/**
 * Every SQL filter of the search fallbacks and the matching loaders, in one place (decision 029): the hard
 * filters of app/domain translated (`sqlOf`), the database's version of the search box, the rough distance,
 * and the conditions of /jobs and of matching when Meilisearch cannot answer. The Meilisearch side of the
 * same rules is search/filters.ts; tests/integration/hard-filters.test.ts runs both on one table of cases.
 * Beside them the SQL columns that carry a rule into a query: the slots taken, the months to report.
 */
import { and, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { agreements, agreementVersions, citizenExcludedCompanies, citizens, companies, matchProposals, monthlyHours, openings, socialMarks } from '../../db/schema';
import { DANISH_JOB_SYNONYM_GROUPS, mutualSynonyms } from '../../search/indexes';
import { foldDanish } from '../domain/danish-words';
import { UNMATCHED_PHASES } from '../domain/eligibility';
import { boundingBox, type GeoPoint } from '../domain/geo';
import {
  OPEN_WITH_FREE_SLOT,
  SOCIALLY_RESPONSIBLE,
  allOf,
  citizenAvoidsNoneOf,
  hoursOverlapWith,
  openingAvoids,
  type CitizenFilterField,
  type Filter,
  type OpeningFilterField,
} from '../domain/hard-filters';
import { hoursBandBounds, startBandWindow, type JobFilters } from '../domain/job-filters';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../domain/slots';
import type { Demand, OpeningKind } from '../domain/vocabulary';

// ── The domain's hard filters in SQL ────────────────────────────────────────────────────────────────────

/** Where a field of a filter is in SQL: a column or an expression, and whether it is a jsonb list. */
export type SqlField = { value: SQL | AnyColumn; list?: true };

/** A domain filter as a SQL condition, with `fields` saying where each field is. */
export function sqlOf<Field extends string>(filter: Filter<Field>, fields: Record<Field, SqlField>): SQL {
  if ('all' in filter) return filter.all.length === 0 ? sql`true` : sql`(${sql.join(filter.all.map((part) => sqlOf(part, fields)), sql` and `)})`;
  if ('any' in filter) return filter.any.length === 0 ? sql`false` : sql`(${sql.join(filter.any.map((part) => sqlOf(part, fields)), sql` or `)})`;
  if ('not' in filter) return sql`not ${sqlOf(filter.not, fields)}`;
  const { value: column, list } = fields[filter.field];
  if ('holdsAnyOf' in filter) {
    if (!list) throw new Error(`${filter.field} is not a list`);
    return sql`(${sql.join(
      filter.holdsAnyOf.map((value) => sql`${column} @> ${JSON.stringify([value])}::jsonb`),
      sql` or `,
    )})`;
  }
  if ('oneOf' in filter) return sql`${column} in (${sql.join(filter.oneOf.map((value) => sql`${value}`), sql`, `)})`;
  // The operator comes from the closed list of Comparison, never from input.
  return sql`${column} ${sql.raw(filter.is === '!=' ? '<>' : filter.is)} ${filter.value}`;
}

/** Slots of the opening held by agreements, as a column of a query on `openings`. */
export const takenSlots = sql<number>`(select count(*) from ${agreements} where ${agreements.openingId} = ${openings.id} and ${inArray(
  agreements.status,
  SLOT_HOLDING_AGREEMENT_STATUSES,
)})::int`;

/** The opening's company holds the mark of at least one jobcentre (decision 033), as a column of a query on `openings`. */
export const companyHoldsASocialMark = sql<boolean>`exists (select 1 from ${socialMarks} where ${socialMarks.companyId} = ${openings.companyId} and ${socialMarks.held})`;

/**
 * What `unreportedMonths` (app/domain/waiting.ts) needs of an agreement: the first day of work and the months
 * with hours. The start page lists the months and the monthly reminder mails them, from the same columns.
 */
export const hoursReportColumns = {
  startDate: sql<string>`(select min(${agreementVersions.startDate}) from ${agreementVersions} where ${agreementVersions.agreementId} = ${agreements.id})`,
  reported: sql<string[]>`coalesce((select array_agg(${monthlyHours.month}::text) from ${monthlyHours} where ${monthlyHours.agreementId} = ${agreements.id}), '{}')`,
};

/** A proposal the company sees: `isPassedOn` (app/domain/proposal-rules.ts) as a condition on `match_proposals`. */
export const passedOnToCompany = or(ne(matchProposals.origin, 'citizen_interest'), isNotNull(matchProposals.proposedBy))!;

/** The opening's fields in a query on `openings`. */
export const OPENING_SQL_FIELDS: Record<OpeningFilterField, SqlField> = {
  status: { value: openings.status },
  freeSlots: { value: sql`(${openings.slots} - ${takenSlots})` },
  kind: { value: openings.kind },
  hoursMin: { value: openings.hoursMin },
  hoursMax: { value: openings.hoursMax },
  demands: { value: openings.demands, list: true },
  accommodations: { value: openings.accommodations, list: true },
  companyId: { value: openings.companyId },
  sociallyResponsible: { value: companyHoldsASocialMark },
};

/** The citizen's fields in a query on `citizens`. */
export const CITIZEN_SQL_FIELDS: Record<CitizenFilterField, SqlField> = {
  restrictions: { value: citizens.restrictions, list: true },
  hoursMin: { value: citizens.hoursMin },
  hoursMax: { value: citizens.hoursMax },
};

/** Open with a free slot, as the rows say now. */
export const openWithFreeSlot = sqlOf(OPEN_WITH_FREE_SLOT, OPENING_SQL_FIELDS);

/** Citizens who may be matched at all: consent to share a summary, an open case, not with the rehabilitation team (isMatchableCitizen). */
export const matchableCitizen = and(eq(citizens.consentToShare, true), isNull(citizens.closedAt), notInArray(citizens.phase, [...UNMATCHED_PHASES]))!;

// ── The search box ──────────────────────────────────────────────────────────────────────────────────────

/**
 * foldDanish (app/domain/danish-words.ts) in SQL: lower case, accents off, æ→ae, ø→o, and "aa" read as å.
 * tests/integration/hard-filters.test.ts folds the same words in both.
 */
export function foldSql(text: SQL): SQL {
  return sql`replace(replace(translate(lower(${text}), 'åäáàâöóòôøéèêëüúùûíìîïñç', 'aaaaaoooooeeeeuuuuiiiinc'), 'æ', 'ae'), 'aa', 'a')`;
}

const FOLDED_SYNONYMS = new Map(
  Object.entries(mutualSynonyms(DANISH_JOB_SYNONYM_GROUPS)).map(([word, others]) => [foldDanish(word), others.map(foldDanish)]),
);

/** `%word%` for LIKE/ILIKE, with LIKE's own characters in the word taken literally. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The database's version of the search box: every word of the query, or one of its synonyms, occurs in the
 * haystack, folded the way Meilisearch folds (so "rengoring" finds "Rengøring"); undefined for an empty query.
 */
export function everyWordIn(haystack: SQL, query: string): SQL | undefined {
  const words = foldDanish(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  const folded = foldSql(haystack);
  return and(
    ...words.map((word) => or(...[word, ...(FOLDED_SYNONYMS.get(word) ?? [])].map((alternative) => sql`${folded} like ${likePattern(alternative)}`))),
  );
}

// ── Distance ────────────────────────────────────────────────────────────────────────────────────────────

/** km per degree of latitude on the mean Earth sphere. */
const KM_PER_DEGREE = 111.195;

/**
 * An equirectangular distance in SQL: close to the great circle at these distances, a cheap pre-filter with
 * a margin, after which the exact distance is judged in code (app/domain/matching.ts).
 */
function roughDistanceSql(lat: SQL | number, lon: SQL | number, center: GeoPoint): SQL {
  const cosLat = Math.cos((center.lat * Math.PI) / 180);
  return sql`sqrt(power((${lat} - ${center.lat}) * ${KM_PER_DEGREE}, 2) + power((${lon} - ${center.lon}) * ${KM_PER_DEGREE * cosLat}, 2))`;
}

function withinRoughly(distance: SQL, km: SQL | number): SQL {
  return typeof km === 'number' ? sql`${distance} <= ${km * 1.02 + 0.5}` : sql`${distance} <= ${km} * 1.02 + 0.5`;
}

function boxSql(lat: SQL, lon: SQL, center: GeoPoint, km: number): SQL {
  const box = boundingBox(center, km);
  return sql`${lat} between ${box.south} and ${box.north} and ${lon} between ${box.west} and ${box.east}`;
}

// ── The public job search (/jobs) without Meilisearch ───────────────────────────────────────────────────

/** The conditions of a search on /jobs; the place narrows to its box, the exact radius is kept in code. */
export function jobSearchConditions(filters: JobFilters, { today, place }: { today: string; place: GeoPoint | null }): SQL[] {
  const conditions: (SQL | undefined)[] = [
    openWithFreeSlot,
    // Every word in the title, description, tasks, company or city.
    everyWordIn(sql`${openings.title} || ' ' || ${openings.description} || ' ' || ${openings.tasks}::text || ' ' || ${companies.name} || ' ' || ${openings.city}`, filters.q),
  ];
  if (filters.kinds.length > 0) conditions.push(inArray(openings.kind, filters.kinds));
  if (filters.hours) {
    const { above, upTo } = hoursBandBounds(filters.hours);
    conditions.push(gt(openings.hoursMax, above));
    if (upTo !== null) conditions.push(lte(openings.hoursMin, upTo));
  }
  if (filters.avoid.length > 0) conditions.push(sqlOf(allOf(openingAvoids(filters.avoid)), OPENING_SQL_FIELDS));
  if (filters.offers.length > 0) conditions.push(sql`${openings.accommodations} @> ${JSON.stringify(filters.offers)}::jsonb`);
  if (filters.start) {
    const window = startBandWindow(filters.start, today);
    conditions.push('until' in window ? lte(openings.startDate, window.until) : gt(openings.startDate, window.after));
  }
  if (filters.marked) conditions.push(sqlOf(SOCIALLY_RESPONSIBLE, OPENING_SQL_FIELDS));
  if (place) {
    const box = boundingBox(place, filters.radiusKm);
    conditions.push(gte(openings.lat, box.south), lte(openings.lat, box.north), gte(openings.lon, box.west), lte(openings.lon, box.east));
  }
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

// ── Matching without Meilisearch ────────────────────────────────────────────────────────────────────────

type Hours = { hoursMin: number; hoursMax: number };
type MatchOpeningFacts = Hours & GeoPoint & { kind: OpeningKind; demands: readonly Demand[]; companyId: string };
type MatchCitizenFacts = Hours & GeoPoint & { restrictions: readonly Demand[]; excludedCompanyIds: readonly string[] };

function kindConditionForCitizens(opening: MatchOpeningFacts, today: string): SQL | undefined {
  switch (opening.kind) {
    case 'ordinary_hours':
      return undefined;
    case 'flexjob':
      return gte(citizens.flexjobVisitationUntil, today);
    case 'sheltered_job':
      return and(
        eq(citizens.benefitStatus, 'disability_pension'),
        sql`not exists (select 1 from ${citizenExcludedCompanies} where ${citizenExcludedCompanies.citizenId} = ${citizens.id} and ${citizenExcludedCompanies.companyId} = ${opening.companyId})`,
      );
  }
}

/** The citizens of the jobcentre who pass the opening's hard filters, roughly within reach; `q` narrows. */
export function citizenConditionsForOpening(
  opening: MatchOpeningFacts,
  { jobcentreId, onlyConsultantId, radiusKm, q, today }: { jobcentreId: string; onlyConsultantId: string | null; radiusKm: number; q: string; today: string },
): SQL {
  const distance = roughDistanceSql(sql`${citizens.lat}`, sql`${citizens.lon}`, opening);
  return and(
    eq(citizens.jobcentreId, jobcentreId),
    matchableCitizen,
    sqlOf(allOf(hoursOverlapWith(opening), citizenAvoidsNoneOf(opening.demands)), CITIZEN_SQL_FIELDS),
    kindConditionForCitizens(opening, today),
    boxSql(sql`${citizens.lat}`, sql`${citizens.lon}`, opening, radiusKm),
    withinRoughly(distance, sql`${citizens.reachKm}`),
    onlyConsultantId !== null ? eq(citizens.consultantId, onlyConsultantId) : undefined,
    everyWordIn(sql`${citizens.wishes} || ' ' || ${citizens.competences}::text || ' ' || ${citizens.languages}::text`, q),
  )!;
}

/** The openings (joined with their company) that pass the citizen's hard filters within `radiusKm`; `q` narrows. */
export function openingConditionsForCitizen(citizen: MatchCitizenFacts, kinds: OpeningKind[], radiusKm: number, q: string): SQL {
  const distance = roughDistanceSql(sql`${openings.lat}`, sql`${openings.lon}`, citizen);
  return and(
    openWithFreeSlot,
    inArray(openings.kind, kinds),
    sqlOf(allOf(hoursOverlapWith(citizen), openingAvoids(citizen.restrictions)), OPENING_SQL_FIELDS),
    citizen.excludedCompanyIds.length > 0
      ? or(sql`${openings.kind} <> 'sheltered_job'`, notInArray(openings.companyId, [...citizen.excludedCompanyIds]))
      : undefined,
    boxSql(sql`${openings.lat}`, sql`${openings.lon}`, citizen, radiusKm),
    withinRoughly(distance, radiusKm),
    everyWordIn(sql`${openings.title} || ' ' || ${openings.description} || ' ' || ${openings.tasks}::text || ' ' || ${companies.name}`, q),
  )!;
}
