/**
 * The matching baseline on PostgreSQL alone, with typo tolerance from pg_trgm: the hard filters of DESIGN.md
 * in SQL (eligibility by kind, hours overlap, no demand the citizen must avoid, distance within the citizen's
 * reach, open with a free slot, consent and phase, the consultant's jobcentre), the other side's text as
 * typo-tolerant word matches (`word <% text`, served by a trigram index) ranked by their similarity plus the
 * nearest candidates whatever their words (as the app's service does), then the same re-ranking and
 * explanations in code as the app (app/domain/matching.ts). Only for the benchmark database: the
 * extension and the indexes are created there, never by the app's migrations.
 */
import { sql, type SQL } from 'drizzle-orm';
import { boundingBox } from '../../app/domain/geo';
import { rankCitizensForOpening, rankOpeningsForCitizen, type MatchCitizen, type MatchOpening, type RankedMatch } from '../../app/domain/matching';
import type { BenefitStatus, Demand, OpeningKind, OpeningStatus, PathPhase, Accommodation } from '../../app/domain/vocabulary';
import type { Database } from '../../db/client';
import { UNMATCHED_PHASES } from '../../app/domain/eligibility';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../../app/domain/slots';

/** As the app's matching service: the best text hits, and the nearest whatever their words. */
export const TEXT_CANDIDATES = 100;
export const NEAREST_CANDIDATES = 50;
/** Words shorter than this say little and match everything by trigrams. */
const MIN_WORD_LENGTH = 3;
/** The most words of a query used (Meilisearch also stops at ten): a long text would OR together dozens of index scans. */
const MAX_WORDS = 8;
/** Danish small words, which trigrams would find in nearly every text. */
const STOPWORDS = new Set(
  'med til for som der det den har kan ikke jeg gerne eller også hos fra efter noget min mit mine vil godt lide have hvis hvor helst måske passer timerne arbejde job jobbet'.split(' '),
);

const CITIZEN_TEXT = sql.raw(`lower(c.wishes || ' ' || c.competences::text)`);
const OPENING_TEXT = sql.raw(`lower(o.title || ' ' || o.tasks::text)`);

/** Creates pg_trgm and the indexes the baseline needs, in the bench database only. */
export async function preparePostgresMatching(database: Database) {
  await database.execute(sql`create extension if not exists pg_trgm`);
  await database.execute(sql.raw(`create index if not exists bench_citizens_text_trgm on citizens using gin (lower(wishes || ' ' || competences::text) gin_trgm_ops)`));
  await database.execute(sql.raw(`create index if not exists bench_openings_text_trgm on openings using gin (lower(title || ' ' || tasks::text) gin_trgm_ops)`));
  await database.execute(sql.raw(`create index if not exists bench_citizens_place on citizens (jobcentre_id, lat, lon)`));
  await database.execute(sql.raw(`create index if not exists bench_openings_place on openings (status, lat, lon)`));
  await database.execute(sql.raw(`create index if not exists bench_agreements_opening on agreements (opening_id)`));
  await database.execute(sql`analyze citizens`);
  await database.execute(sql`analyze openings`);
  await database.execute(sql`analyze agreements`);
}

/**
 * Drops what preparePostgresMatching made, so that the database between runs has the app's own schema and
 * indexes (the /jobs baseline measures the app's fallback on exactly those).
 */
export async function dropPostgresMatchingIndexes(database: Database) {
  for (const name of ['bench_citizens_text_trgm', 'bench_openings_text_trgm', 'bench_citizens_place', 'bench_openings_place', 'bench_agreements_opening']) {
    await database.execute(sql.raw(`drop index if exists ${name}`));
  }
}

/**
 * The words of a query as the baseline matches them: lower case with æ, ø and å kept (trigrams compare the
 * letters as stored), short words dropped.
 */
export function queryWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_WORD_LENGTH && !STOPWORDS.has(word));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

function haversineKm(lat: number, lon: number, latColumn: SQL, lonColumn: SQL): SQL {
  return sql`(12742.0176 * asin(sqrt(power(sin(radians(${latColumn} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${latColumn})) * power(sin(radians(${lonColumn} - ${lon}) / 2), 2))))`;
}

/** Any word similar enough to a word of the text (typo-tolerant), and the summed similarity to rank by. */
function textMatch(words: string[], text: SQL): { where: SQL; similarity: SQL } {
  if (words.length === 0) return { where: sql`true`, similarity: sql`0` };
  return {
    where: sql`(${sql.join(words.map((word) => sql`${word} <% ${text}`), sql` or `)})`,
    similarity: sql`(${sql.join(words.map((word) => sql`word_similarity(${word}, ${text})`), sql` + `)}) / ${words.length}`,
  };
}

const textArray = (codes: readonly string[]) => sql`array[${sql.join(codes.length ? codes.map((code) => sql`${code}`) : [sql`''`], sql`, `)}]::text[]`;

function rowsOf<T>(result: unknown): T[] {
  return result as T[];
}

// ── Match from an opening ───────────────────────────────────────────────────────────────────────────────

export type BaselineOpening = MatchOpening & { id: string };

type CitizenRow = {
  id: string;
  benefit_status: BenefitStatus;
  flexjob_visitation_until: string | null;
  phase: PathPhase;
  hours_min: number;
  hours_max: number;
  restrictions: Demand[];
  needed_accommodations: Accommodation[];
  lat: number;
  lon: number;
  reach_km: number;
  wishes: string;
  competences: string[];
  driving_licence: boolean;
  excluded: string[] | null;
  similarity: number;
  distance_km: number;
};

function eligibilityFor(opening: BaselineOpening, today: string): SQL {
  switch (opening.kind) {
    case 'ordinary_hours':
      return sql`true`;
    case 'flexjob':
      return sql`c.flexjob_visitation_until >= ${today}::date`;
    case 'sheltered_job':
      return sql`c.benefit_status = 'disability_pension' and not exists (select 1 from citizen_excluded_companies e where e.citizen_id = c.id and e.company_id = ${opening.companyId})`;
  }
}

export type PostgresPlan = 'planner' | 'filters-first';
type OpeningContext = { jobcentreId: string; today: string; maxReachKm: number; plan: PostgresPlan };

export function citizensForOpeningQuery(opening: BaselineOpening, { jobcentreId, today, maxReachKm, plan }: OpeningContext): SQL {
  const words = queryWords([opening.title, ...opening.tasks].join(' '));
  const box = boundingBox(opening, maxReachKm);
  const distance = haversineKm(opening.lat, opening.lon, sql.raw('c.lat'), sql.raw('c.lon'));
  const columns = sql`c.id, c.benefit_status, c.flexjob_visitation_until::text as flexjob_visitation_until, c.phase, c.hours_min, c.hours_max,
      c.restrictions, c.needed_accommodations, c.lat, c.lon, c.reach_km, c.wishes, c.competences, c.driving_licence,
      (select array_agg(e.company_id::text) from citizen_excluded_companies e where e.citizen_id = c.id) as excluded`;
  const hardFilters = sql`c.jobcentre_id = ${jobcentreId}
      and c.consent_to_share and c.closed_at is null and c.phase <> all(${textArray(UNMATCHED_PHASES)}::path_phase[])
      and ${eligibilityFor(opening, today)}
      and c.hours_min <= ${opening.hoursMax} and c.hours_max >= ${opening.hoursMin}
      and not (c.restrictions ?| ${textArray(opening.demands)})
      and c.lat between ${box.south} and ${box.north} and c.lon between ${box.west} and ${box.east}
      and ${distance} <= c.reach_km`;
  return rankedQuery({ plan, words, columns, from: sql`citizens c`, hardFilters, text: CITIZEN_TEXT, distance });
}

/**
 * The best text hits (any word similar enough, ranked by similarity) and the nearest candidates whatever
 * their words, as the app's service asks Meilisearch for them. Either as plain queries for the planner to
 * order as it likes (it starts from the trigram index, which pays off when the words are rare), or with the
 * hard filters first in a materialized CTE and the trigram tests on what is left (better when common words
 * would match a large share of the table).
 */
function rankedQuery({ plan, words, columns, from, hardFilters, text, distance }: { plan: PostgresPlan; words: string[]; columns: SQL; from: SQL; hardFilters: SQL; text: SQL; distance: SQL }): SQL {
  if (plan === 'planner') {
    const match = textMatch(words, text);
    return sql`(select ${columns}, ${match.similarity} as similarity, ${distance} as distance_km
        from ${from} where ${hardFilters} and ${match.where}
        order by similarity desc, distance_km asc limit ${TEXT_CANDIDATES})
      union all
      (select ${columns}, 0 as similarity, ${distance} as distance_km
        from ${from} where ${hardFilters}
        order by distance_km asc limit ${NEAREST_CANDIDATES})`;
  }
  const match = textMatch(words, sql.raw('t'));
  return sql`with candidates as materialized (
      select ${columns}, ${text} as t, ${distance} as distance_km from ${from} where ${hardFilters}
    )
    (select *, ${match.similarity} as similarity from candidates where ${match.where}
      order by similarity desc, distance_km asc limit ${TEXT_CANDIDATES})
    union all
    (select *, 0 as similarity from candidates order by distance_km asc limit ${NEAREST_CANDIDATES})`;
}

/** A candidate found both ways keeps its text similarity. */
function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
}

export async function matchCitizensInPostgres(
  database: Database,
  opening: BaselineOpening,
  context: OpeningContext & { limit: number },
): Promise<RankedMatch<MatchCitizen & { id: string }>[]> {
  const result = await database.execute(citizensForOpeningQuery(opening, context));
  const candidates = uniqueById(rowsOf<CitizenRow>(result)).map((row) => ({
    value: {
      id: row.id,
      benefitStatus: row.benefit_status,
      flexjobVisitationUntil: row.flexjob_visitation_until,
      excludedCompanyIds: row.excluded ?? [],
      phase: row.phase,
      hoursMin: row.hours_min,
      hoursMax: row.hours_max,
      restrictions: row.restrictions,
      neededAccommodations: row.needed_accommodations,
      lat: row.lat,
      lon: row.lon,
      reachKm: row.reach_km,
      wishes: row.wishes,
      competences: row.competences,
      drivingLicence: row.driving_licence,
    },
    textRelevance: Number(row.similarity),
    distanceKm: Number(row.distance_km),
  }));
  return rankCitizensForOpening(opening, candidates, { today: context.today, limit: context.limit });
}

// ── Match from a citizen ────────────────────────────────────────────────────────────────────────────────

export type BaselineCitizen = MatchCitizen & { id: string; jobcentreId: string; eligibleKinds: OpeningKind[] };

type OpeningRow = {
  id: string;
  kind: OpeningKind;
  company_id: string;
  hours_min: number;
  hours_max: number;
  demands: Demand[];
  accommodations: Accommodation[];
  lat: number;
  lon: number;
  status: OpeningStatus;
  free_slots: number;
  title: string;
  tasks: string[];
  driving_licence_required: boolean;
  similarity: number;
  distance_km: number;
};

export function openingsForCitizenQuery(citizen: BaselineCitizen, plan: PostgresPlan): SQL {
  const words = queryWords([citizen.wishes, ...citizen.competences].join(' '));
  const box = boundingBox(citizen, citizen.reachKm);
  const distance = haversineKm(citizen.lat, citizen.lon, sql.raw('o.lat'), sql.raw('o.lon'));
  const taken = sql`(select count(*) from agreements a where a.opening_id = o.id and a.status in (${sql.join(
    SLOT_HOLDING_AGREEMENT_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  )}))`;
  const columns = sql`o.id, o.kind, o.company_id, o.hours_min, o.hours_max, o.demands, o.accommodations, o.lat, o.lon, o.status,
      o.slots - ${taken} as free_slots, o.title, o.tasks, o.driving_licence_required`;
  const hardFilters = sql`o.status = 'open' and o.slots > ${taken}
      and o.kind = any(${textArray(citizen.eligibleKinds)}::opening_kind[])
      and not (o.kind = 'sheltered_job' and o.company_id::text = any(${textArray(citizen.excludedCompanyIds)}))
      and o.hours_min <= ${citizen.hoursMax} and o.hours_max >= ${citizen.hoursMin}
      and not (o.demands ?| ${textArray(citizen.restrictions)})
      and o.lat between ${box.south} and ${box.north} and o.lon between ${box.west} and ${box.east}
      and ${distance} <= ${citizen.reachKm}`;
  return rankedQuery({ plan, words, columns, from: sql`openings o`, hardFilters, text: OPENING_TEXT, distance });
}

export async function matchOpeningsInPostgres(
  database: Database,
  citizen: BaselineCitizen,
  { today, limit, plan }: { today: string; limit: number; plan: PostgresPlan },
): Promise<RankedMatch<MatchOpening & { id: string }>[]> {
  if (citizen.eligibleKinds.length === 0) return [];
  const result = await database.execute(openingsForCitizenQuery(citizen, plan));
  const candidates = uniqueById(rowsOf<OpeningRow>(result)).map((row) => ({
    value: {
      id: row.id,
      kind: row.kind,
      companyId: row.company_id,
      hoursMin: row.hours_min,
      hoursMax: row.hours_max,
      demands: row.demands,
      accommodations: row.accommodations,
      lat: row.lat,
      lon: row.lon,
      status: row.status,
      freeSlots: Number(row.free_slots),
      title: row.title,
      tasks: row.tasks,
      drivingLicenceRequired: row.driving_licence_required,
    },
    textRelevance: Number(row.similarity),
    distanceKm: Number(row.distance_km),
  }));
  return rankOpeningsForCitizen(citizen, candidates, { today, limit });
}
