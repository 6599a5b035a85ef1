/**
 * Matching (issue 4): the citizens of the consultant's jobcentre who could fill an opening, and the openings
 * a citizen could fill. Meilisearch narrows the candidates with the hard filters (distance and reach by
 * postcode, decision 010) and scores the words, in one round trip (two where few live close by); the
 * domain rules (app/domain/matching.ts) rank the hits on their documents, and PostgreSQL, the source of
 * truth, hands over the rows of the best of them only (decision 015), on which the rules re-check every
 * hard filter, rank and explain. A citizen whose consent was withdrawn or whose case was closed is
 * therefore gone at once, even before the index hears it.
 *
 * When Meilisearch is down or not configured, the same hard filters run in SQL and code over PostgreSQL
 * with the simpler word-overlap ranking, and the answer says so (`source: 'database'`). The filters of both
 * engines are built from the domain's descriptions (app/domain/hard-filters.ts) in search/filters.ts and
 * sql-filters.server.ts; this file keeps the two use cases.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MultiSearchQuery } from 'meilisearch';
import { db } from '../../db/client';
import { citizens, openings } from '../../db/schema';
import { describeSearchError, isSearchConfigured, searchClient, searchIndexNames } from '../../search/client';
import type { CitizenDocument, OpeningDocument } from '../../search/documents';
import { citizenFilterForOpening, openingFilterForCitizen, postcodeInFilter, withinReachFilter, type PostcodeDistance } from '../../search/filters';
import { MAX_REACH_KM } from '../domain/citizen-rules';
import { eligibleKinds, kindEligibility } from '../domain/eligibility';
import { toIsoDate, type CalendarDay } from '../domain/format';
import { isOpenWithFreeSlot } from '../domain/hard-filters';
import type { GeoPoint } from '../domain/geo';
import { wordOverlap } from '../domain/danish-words';
import {
  citizenText,
  matchDistanceKm,
  openingText,
  orderMatches,
  rankCitizensForOpening,
  rankOpeningsForCitizen,
  type MatchCandidate,
  type MatchExplanation,
  type MatchPair,
} from '../domain/matching';
import { OPENING_STATUS_LABELS, PATH_PHASE_LABELS, type OpeningKind } from '../domain/vocabulary';
import { accessLogOrganisation, logCitizenAccess, logCitizenAccessWhere, uuidArray } from './access-log.server';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { loadMatchCitizen, loadMatchCitizens, loadMatchOpening, loadMatchOpenings, type MatchCitizenRow, type MatchOpeningRow } from './match-rows.server';
import { postcodesWithin } from './postcode-filters.server';
import { citizenConditionsForOpening, matchableCitizen, openWithFreeSlot, openingConditionsForCitizen } from './sql-filters.server';
import { findPostcode } from './postcodes.server';
import { consultantJobcentre as consultantJobcentreOf } from './object-access.server';

/** How many matches a page shows. */
export const MATCH_LIMIT = 30;
/** The best text hits Meilisearch hands to the ranking in code. */
const TEXT_CANDIDATES = 100;
/**
 * The nearest candidates, whatever their words: Meilisearch returns only documents that share a word with the
 * query, and someone who passes every hard filter must not be lost for want of a matching word.
 */
const NEAREST_CANDIDATES = 50;
/**
 * "Nearest" is whoever passes the hard filters within this many km (then farther out, if too few), in no
 * particular order within the ring: close enough to a distance sort for a list that the ranking orders
 * anyway, without the `_geoPoint` sort that read Meilisearch's whole geo tree on every query (decision 010).
 */
const NEAREST_WITHIN_KM = 10;
/** Meilisearch must answer well within a page load; past this the database answers instead. */
const SEARCH_TIMEOUT_MS = 2500;

export type MatchSource = 'meilisearch' | 'database';

export const MATCH_PURPOSES = {
  citizensForOpening: (title: string) => `Match til jobopslag: ${title}`,
  openingsForCitizen: 'Sagsbehandling: jobcentret søgte job, der passer til dig',
} as const;

// ── Who may match ───────────────────────────────────────────────────────────────────────────────────────

/** The consultant's jobcentre (object-access.server.ts), refused with this service's sentence. */
const consultantJobcentre = (actor: Actor) => consultantJobcentreOf(actor, 'Kun jobcentrets konsulenter kan matche borgere og job.');

// ── Search ──────────────────────────────────────────────────────────────────────────────────────────────

/** Meilisearch reads only the first ten words of a query. */
const MAX_QUERY_WORDS = 10;

/**
 * The other side's text as a query: its first ten distinct words of three letters or more, so that "i",
 * "og" and "på" neither use up the ten words Meilisearch reads nor match every document.
 */
export function queryWordsOf(text: string): string {
  const words = new Map<string, string>();
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    const key = word.toLocaleLowerCase('da');
    if (word.length >= 3 && !words.has(key)) words.set(key, word);
    if (words.size === MAX_QUERY_WORDS) break;
  }
  return [...words.values()].join(' ');
}

/** A search hit with its text relevance (0..1; 0 for a hit among the nearest only). */
type Candidate<Hit> = { hit: Hit; relevance: number };

/**
 * `column = any('{…}'::uuid[])`: one parameter however many candidates, so the statement's text stays the
 * same and PostgreSQL reuses its plan (an `IN ($1, …, $150)` is a new statement for every count).
 */
function idIn(column: typeof citizens.id | typeof openings.id, ids: readonly string[]): SQL {
  return sql`${column} = any(${uuidArray(ids)}::uuid[])`;
}

/**
 * One multi-search: the best text hits, and (without a search of the consultant's own) the nearest
 * candidates whatever their words; the text hits first, in Meilisearch's order. `filter` holds the hard
 * filters but the place; `placeFilter` turns a list of postcodes into the place's filter. Each hit holds
 * `attributes` of its document.
 */
async function searchCandidates<Hit extends { id: string }>(
  indexUid: string,
  {
    text,
    ownSearch,
    filter,
    nearby,
    placeFilter,
    attributes,
  }: {
    text: string;
    ownSearch: boolean;
    filter: string[];
    nearby: PostcodeDistance[];
    placeFilter: (postcodes: readonly PostcodeDistance[]) => string;
    attributes: readonly (keyof Hit & string)[];
  },
): Promise<Candidate<Hit>[]> {
  if (nearby.length === 0) return [];
  const attributesToRetrieve = [...attributes];
  const queries: MultiSearchQuery[] = [
    {
      indexUid,
      q: text,
      filter: [...filter, placeFilter(nearby)],
      limit: TEXT_CANDIDATES,
      // The consultant's own words narrow the list; the other side's text only ranks it.
      matchingStrategy: ownSearch ? 'all' : 'frequency',
      showRankingScore: true,
      attributesToRetrieve,
    },
  ];
  const inner = nearby.filter((postcode) => postcode.distanceKm <= NEAREST_WITHIN_KM);
  const outer = nearby.filter((postcode) => postcode.distanceKm > NEAREST_WITHIN_KM);
  const nearestQuery = (ring: PostcodeDistance[], limit: number): MultiSearchQuery => ({
    indexUid,
    q: '',
    filter: [...filter, placeFilter(ring)],
    limit,
    attributesToRetrieve,
  });
  if (!ownSearch && inner.length > 0) queries.push(nearestQuery(inner, NEAREST_CANDIDATES));
  const signal = AbortSignal.timeout(SEARCH_TIMEOUT_MS);
  type Found = Hit & { _rankingScore?: number };
  const { results } = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, Found>({ queries }, { signal });
  const nearest = results[1]?.hits ?? [];
  // Where few live close by (the countryside), the rest of the nearest come from farther out: a second
  // round trip only then, so the common case pays for one ring.
  if (!ownSearch && nearest.length < NEAREST_CANDIDATES && outer.length > 0) {
    const farther = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, Found>(
      { queries: [nearestQuery(outer, NEAREST_CANDIDATES - nearest.length)] },
      { signal },
    );
    nearest.push(...(farther.results[0]?.hits ?? []));
  }
  const candidates = new Map<string, Candidate<Hit>>();
  for (const { _rankingScore, ...hit } of results[0]?.hits ?? []) candidates.set(hit.id, { hit: hit as unknown as Hit, relevance: _rankingScore ?? 0 });
  for (const hit of nearest) if (!candidates.has(hit.id)) candidates.set(hit.id, { hit, relevance: 0 });
  return [...candidates.values()];
}

/** A hit placed at its postcode, as every row is (decision 008); null for a postcode the table lacks. */
function placedAtPostcode<Hit extends { postcode: string }>(hit: Hit): (Hit & GeoPoint) | null {
  const place = findPostcode(hit.postcode);
  return place ? { ...hit, lat: place.lat, lon: place.lon } : null;
}

/**
 * Rows beyond a page's worth read at first: for hits whose row no longer passes (the index follows the
 * database by up to a second) or ranks lower than its document did.
 */
const ROW_MARGIN = 10;

/**
 * Ranks on the rows of the best candidates only. `order` holds the candidates' ids best first as the rules
 * rank their documents; the rows (the truth) of the first `limit + ROW_MARGIN` are read and ranked, and
 * more are read only while fewer than `limit` pass and candidates remain. Reading 40 rows rather than every
 * hit's 150 halved the service's own time (bench/RESULTS.md, round five).
 */
async function rankBestRows<Row, Result>(
  order: readonly string[],
  limit: number,
  read: (ids: string[]) => Promise<Row[]>,
  rank: (rows: Row[]) => Result[],
): Promise<Result[]> {
  const rows: Row[] = [];
  let results: Result[] = [];
  let next = 0;
  let batch = limit + ROW_MARGIN;
  while (next < order.length) {
    rows.push(...(await read(order.slice(next, next + batch))));
    next += batch;
    results = rank(rows);
    if (results.length >= limit) break;
    batch = limit - results.length + ROW_MARGIN;
  }
  return results;
}

/** Meilisearch when it is there and answers, else the database; a failure is logged with its code only. */
async function withFallback<T>(what: string, meilisearch: () => Promise<T>, database: () => Promise<T>): Promise<T & { source: MatchSource }> {
  if (isSearchConfigured()) {
    try {
      return { ...(await meilisearch()), source: 'meilisearch' };
    } catch (error) {
      console.warn(`${what}: Meilisearch did not answer (${describeSearchError(error)}); matching in the database instead.`);
    }
  }
  return { ...(await database()), source: 'database' };
}

// ── Match from an opening ───────────────────────────────────────────────────────────────────────────────

export type CitizenMatchFilters = {
  /** At most this far from the opening, on top of each citizen's own reach. */
  maxKm?: number;
  /** Only the acting consultant's own citizens. */
  onlyMine?: boolean;
};

export type CitizenMatch = {
  citizenId: string;
  name: string;
  score: number;
  explanation: MatchExplanation;
  distanceKm: number;
  hoursMin: number;
  hoursMax: number;
  benefitStatus: MatchCitizenRow['benefitStatus'];
  phase: MatchCitizenRow['phase'];
  wishes: string;
};

export type CitizensForOpening = {
  opening: MatchOpeningRow;
  results: CitizenMatch[];
  source: MatchSource;
  /** Why nobody can be matched right now (the opening is not open, or full); null otherwise. */
  blockedReason: string | null;
};

export type MatchOptions = { q?: string; today: CalendarDay; limit?: number };

function openingBlockedReason(opening: MatchOpeningRow): string | null {
  if (isOpenWithFreeSlot(opening)) return null;
  if (opening.status !== 'open') return `Jobopslaget er ${OPENING_STATUS_LABELS[opening.status].toLowerCase()}, så der matches ikke med borgere.`;
  return 'Alle pladser i jobbet er besat, så der matches ikke med borgere.';
}

/**
 * What matching reads of a citizen's document to choose whose rows to read: what the score needs, and the
 * hard filters Meilisearch's filter cannot settle on the day (the visitation's last day, the exact reach).
 * Not what the filter already settled (restrictions against the demands, the excluded companies): every
 * document costs Meilisearch time to hand over, per field (bench/RESULTS.md, round five). Not the words:
 * the score takes Meilisearch's relevance for them, and only the rows shown are explained. The rows are
 * checked against every rule again.
 */
const CITIZEN_HIT_ATTRIBUTES = [
  'id',
  'benefitStatus',
  'flexjobVisitationUntil',
  'phase',
  'hoursMin',
  'hoursMax',
  'neededAccommodations',
  'postcode',
  'reachKm',
  'drivingLicence',
] as const satisfies readonly (keyof CitizenDocument)[];

type CitizenHit = Pick<CitizenDocument, (typeof CITIZEN_HIT_ATTRIBUTES)[number]>;

/**
 * The hits' ids, best first as the rules rank their documents; first any hit whose postcode the table
 * lacks, since only its row can tell its distance.
 */
function citizensInDocumentOrder(opening: MatchOpeningRow, candidates: readonly Candidate<CitizenHit>[], { today, maxKm }: { today: string; maxKm: number | undefined }): string[] {
  const unplaced: string[] = [];
  const pairs: MatchPair<string>[] = [];
  for (const { hit, relevance } of candidates) {
    const place = placedAtPostcode(hit);
    // What the filter settled and the words are not in the hit (see CITIZEN_HIT_ATTRIBUTES).
    const citizen = place && { ...place, restrictions: [], excludedCompanyIds: [], wishes: '', competences: [] };
    if (!citizen) unplaced.push(hit.id);
    else if (maxKm === undefined || matchDistanceKm(citizen, opening) <= maxKm) pairs.push({ value: hit.id, citizen, opening, textRelevance: relevance });
  }
  return [...unplaced, ...orderMatches(pairs, today).map((match) => match.pair.value)];
}

function rankCitizens(
  opening: MatchOpeningRow,
  rows: MatchCitizenRow[],
  relevance: (row: MatchCitizenRow) => number | undefined,
  { today, limit, maxKm }: { today: string; limit: number; maxKm: number | undefined },
): CitizenMatch[] {
  const candidates: MatchCandidate<MatchCitizenRow>[] = rows
    .filter((row) => maxKm === undefined || matchDistanceKm(row, opening) <= maxKm)
    .map((row) => ({ value: row, textRelevance: relevance(row) }));
  return rankCitizensForOpening(opening, candidates, { today, limit }).map((match) => ({
    citizenId: match.value.id,
    name: match.value.name,
    score: match.score,
    explanation: match.explanation,
    distanceKm: match.distanceKm,
    hoursMin: match.value.hoursMin,
    hoursMax: match.value.hoursMax,
    benefitStatus: match.value.benefitStatus,
    phase: match.value.phase,
    wishes: match.value.wishes,
  }));
}

/**
 * The citizens of the consultant's jobcentre who pass every hard filter for the opening (any company's),
 * best first, each with the explanation. `q` is the consultant's own search (it narrows the list); without
 * it the opening's title and tasks rank the citizens. Writes one 'search' row in the access log per citizen
 * returned.
 */
export async function matchCitizensForOpening(
  actor: Actor,
  openingId: string,
  { q = '', extraFilters = {}, today, limit = MATCH_LIMIT }: MatchOptions & { extraFilters?: CitizenMatchFilters },
): Promise<CitizensForOpening> {
  const jobcentreId = consultantJobcentre(actor);
  // Wanted only for the access log: looked up while the opening is read and the search runs.
  const organisation = accessLogOrganisation(actor);
  organisation.catch(() => {}); // awaited where it is used; not a stray rejection when the opening is not found
  const opening = await loadMatchOpening(db(), openingId);
  if (!opening) throw new NotFoundError('Jobopslaget');
  const blockedReason = openingBlockedReason(opening);
  if (blockedReason) return { opening, results: [], source: isSearchConfigured() ? 'meilisearch' : 'database', blockedReason };

  const day = toIsoDate(today);
  const search = q.trim();
  const maxKm = extraFilters.maxKm !== undefined && extraFilters.maxKm > 0 ? extraFilters.maxKm : undefined;
  const radiusKm = Math.min(maxKm ?? MAX_REACH_KM, MAX_REACH_KM);
  const context = { today: day, limit, maxKm };
  const access = async () => ({ actor, action: 'search' as const, purpose: MATCH_PURPOSES.citizensForOpening(opening.title), organisation: await organisation });
  const readable = and(eq(citizens.jobcentreId, jobcentreId), matchableCitizen)!;
  const onlyConsultantId = extraFilters.onlyMine ? actor.id : null;

  const answer = await withFallback(
    'Matching from an opening',
    async () => {
      const candidates = await searchCandidates<CitizenHit>(searchIndexNames().citizens, {
        text: search || queryWordsOf([opening.title, ...opening.tasks].join(' ')),
        ownSearch: search !== '',
        filter: citizenFilterForOpening(opening, { jobcentreId, onlyConsultantId }),
        // Each citizen's own reach, coarsely (withinReachFilter); the exact reach is judged on the row.
        nearby: postcodesWithin(opening, radiusKm),
        placeFilter: withinReachFilter,
        attributes: CITIZEN_HIT_ATTRIBUTES,
      });
      const relevance = new Map(candidates.map(({ hit, relevance }) => [hit.id, relevance]));
      const order = citizensInDocumentOrder(opening, candidates, context);
      // The page that the documents promise is logged while the rows are read (whoever is no longer
      // matchable by then is left out); should the rows show someone else, they are logged below.
      const [results, logged] = await Promise.all([
        rankBestRows(
          order,
          limit,
          // The rows are the truth: the same jobcentre and still matchable, whatever the index says.
          (ids) => loadMatchCitizens(db(), and(idIn(citizens.id, ids), readable)!),
          (rows) => rankCitizens(opening, rows, (row) => relevance.get(row.id) ?? 0, context),
        ),
        logCitizenAccessWhere(db(), { citizenIds: order.slice(0, limit), ...(await access()) }, readable),
      ]);
      return { results, logged };
    },
    async () => {
      const rows = await loadMatchCitizens(
        db(),
        citizenConditionsForOpening(opening, { jobcentreId, onlyConsultantId, radiusKm, q: search, today: day }),
      );
      return { results: rankCitizens(opening, rows, (row) => (search ? wordOverlap(citizenText(row), search) : undefined), context), logged: new Set<string>() };
    },
  );

  const unlogged = answer.results.map((result) => result.citizenId).filter((citizenId) => !answer.logged.has(citizenId));
  await logCitizenAccess(db(), { citizenIds: unlogged, ...(await access()) });
  return { opening, results: answer.results, source: answer.source, blockedReason: null };
}

// ── Match from a citizen ────────────────────────────────────────────────────────────────────────────────

export type OpeningMatch = {
  openingId: string;
  title: string;
  companyId: string;
  companyName: string;
  kind: OpeningKind;
  hoursMin: number;
  hoursMax: number;
  flexjobExpectedHours: number | null;
  hourlyWage: number | null;
  wageAgreement: string | null;
  city: string;
  postcode: string;
  /** 'YYYY-MM-DD' */
  startDate: string;
  score: number;
  explanation: MatchExplanation;
  distanceKm: number;
};

export type MatchedCitizen = {
  id: string;
  name: string;
  benefitStatus: MatchCitizenRow['benefitStatus'];
  hoursMin: number;
  hoursMax: number;
  reachKm: number;
  consentToShare: boolean;
};

export type OpeningsForCitizen = {
  citizen: MatchedCitizen;
  results: OpeningMatch[];
  source: MatchSource;
  /** Why the citizen is not matched with jobs (case closed, with the rehabilitation team…); null otherwise. */
  blockedReason: string | null;
};

/** The citizen, if the actor may match them: a consultant of their jobcentre, or the citizen. One query. */
async function citizenForMatching(actor: Actor, citizenId: string) {
  if (actor.role === 'consultant') consultantJobcentre(actor);
  else if (actor.role !== 'citizen') throw new ForbiddenError('Du har ikke adgang til borgerens oplysninger.');
  const citizen = await loadMatchCitizen(db(), citizenId);
  const allowed = actor.role === 'consultant' ? citizen?.jobcentreId === actor.jobcentreId : actor.citizenId === citizenId;
  if (!citizen || !allowed) throw new NotFoundError('Borgeren');
  return citizen;
}

function citizenBlockedReason(citizen: MatchCitizenRow, closedAt: Date | null, today: string): string | null {
  if (closedAt) return 'Sagen er lukket, så borgeren matches ikke med job.';
  if (citizen.phase === 'self_supporting') return `Borgeren er ${PATH_PHASE_LABELS.self_supporting.toLowerCase()} og matches ikke med job.`;
  // With the rehabilitation team no kind is open; the rule says why.
  if (eligibleKinds(citizen, today).length === 0) {
    const refusal = kindEligibility(citizen, { kind: 'ordinary_hours', companyId: '' }, today);
    return refusal.eligible ? null : refusal.reason;
  }
  return null;
}

/**
 * What matching reads of an opening's document: as CITIZEN_HIT_ATTRIBUTES. Meilisearch's filter settled that
 * it is open with a free slot, of a kind the citizen may hold, at a company they may work at, and with no
 * demand they must avoid.
 */
const OPENING_HIT_ATTRIBUTES = [
  'id',
  'kind',
  'hoursMin',
  'hoursMax',
  'accommodations',
  'postcode',
  'drivingLicenceRequired',
] as const satisfies readonly (keyof OpeningDocument)[];

type OpeningHit = Pick<OpeningDocument, (typeof OPENING_HIT_ATTRIBUTES)[number]>;

/** As citizensInDocumentOrder, from the citizen's side. */
function openingsInDocumentOrder(citizen: MatchCitizenRow, candidates: readonly Candidate<OpeningHit>[], { today, maxKm }: { today: string; maxKm: number | undefined }): string[] {
  const unplaced: string[] = [];
  const pairs: MatchPair<string>[] = [];
  for (const { hit, relevance } of candidates) {
    const place = placedAtPostcode(hit);
    // What the filter settled and the words are not in the hit (see OPENING_HIT_ATTRIBUTES).
    const opening = place && { ...place, companyId: '', status: 'open' as const, freeSlots: 1, demands: [], title: '', tasks: [] };
    if (!opening) unplaced.push(hit.id);
    else if (maxKm === undefined || matchDistanceKm(citizen, opening) <= maxKm) pairs.push({ value: hit.id, citizen, opening, textRelevance: relevance });
  }
  return [...unplaced, ...orderMatches(pairs, today).map((match) => match.pair.value)];
}

function rankOpenings(
  citizen: MatchCitizenRow,
  rows: MatchOpeningRow[],
  relevance: (row: MatchOpeningRow) => number | undefined,
  { today, limit, maxKm }: { today: string; limit: number; maxKm: number | undefined },
): OpeningMatch[] {
  const candidates = rows
    .filter((row) => maxKm === undefined || matchDistanceKm(citizen, row) <= maxKm)
    .map((row) => ({ value: row, textRelevance: relevance(row) }));
  return rankOpeningsForCitizen(citizen, candidates, { today, limit }).map((match) => ({
    openingId: match.value.id,
    title: match.value.title,
    companyId: match.value.companyId,
    companyName: match.value.companyName,
    kind: match.value.kind,
    hoursMin: match.value.hoursMin,
    hoursMax: match.value.hoursMax,
    flexjobExpectedHours: match.value.flexjobExpectedHours,
    hourlyWage: match.value.hourlyWage,
    wageAgreement: match.value.wageAgreement,
    city: match.value.city,
    postcode: match.value.postcode,
    startDate: match.value.startDate,
    score: match.score,
    explanation: match.explanation,
    distanceKm: match.distanceKm,
  }));
}

/**
 * The open openings the citizen could fill, best first, each with the explanation. For a consultant of the
 * citizen's jobcentre (another jobcentre's citizen is not found) or the citizen. `q` narrows the list;
 * without it the citizen's wishes and competences rank the openings. A consultant's look is logged as a read.
 */
export type OpeningMatchFilters = {
  /** Only these kinds (of those the citizen may hold). */
  kinds?: OpeningKind[];
  /** At most this far from the citizen, inside the citizen's own reach. */
  maxKm?: number;
};

export async function matchOpeningsForCitizen(
  actor: Actor,
  citizenId: string,
  { q = '', extraFilters = {}, today, limit = MATCH_LIMIT }: MatchOptions & { extraFilters?: OpeningMatchFilters },
): Promise<OpeningsForCitizen> {
  const citizen = await citizenForMatching(actor, citizenId);
  const day = toIsoDate(today);
  const matched: MatchedCitizen = {
    id: citizen.id,
    name: citizen.name,
    benefitStatus: citizen.benefitStatus,
    hoursMin: citizen.hoursMin,
    hoursMax: citizen.hoursMax,
    reachKm: citizen.reachKm,
    consentToShare: citizen.consentToShare,
  };
  // The read is logged while the search runs; the answer waits for both, so nothing is shown unlogged.
  const [, outcome] = await Promise.all([
    logCitizenAccess(db(), { citizenIds: [citizen.id], actor, action: 'read', purpose: MATCH_PURPOSES.openingsForCitizen }),
    openingsFor(citizen, citizen.closedAt, { q, extraFilters, today: day, limit }),
  ]);
  return { citizen: matched, ...outcome };
}

async function openingsFor(
  citizen: MatchCitizenRow,
  closedAt: Date | null,
  { q, extraFilters, today, limit }: { q: string; extraFilters: OpeningMatchFilters; today: string; limit: number },
): Promise<Omit<OpeningsForCitizen, 'citizen'>> {
  const blockedReason = citizenBlockedReason(citizen, closedAt, today);
  if (blockedReason) return { results: [], source: isSearchConfigured() ? 'meilisearch' : 'database', blockedReason };

  const chosenKinds = extraFilters.kinds && extraFilters.kinds.length > 0 ? new Set(extraFilters.kinds) : null;
  const kinds = eligibleKinds(citizen, today).filter((kind) => !chosenKinds || chosenKinds.has(kind));
  if (kinds.length === 0) return { results: [], source: isSearchConfigured() ? 'meilisearch' : 'database', blockedReason: null };
  const search = q.trim();
  const maxKm = extraFilters.maxKm !== undefined && extraFilters.maxKm > 0 ? extraFilters.maxKm : undefined;
  const radiusKm = Math.min(citizen.reachKm, maxKm ?? MAX_REACH_KM, MAX_REACH_KM);
  const context = { today, limit, maxKm };

  const answer = await withFallback(
    'Matching from a citizen',
    async () => {
      const candidates = await searchCandidates<OpeningHit>(searchIndexNames().openings, {
        text: search || queryWordsOf(citizenText(citizen)),
        ownSearch: search !== '',
        filter: openingFilterForCitizen(citizen, kinds),
        nearby: postcodesWithin(citizen, radiusKm),
        placeFilter: postcodeInFilter,
        attributes: OPENING_HIT_ATTRIBUTES,
      });
      const relevance = new Map(candidates.map(({ hit, relevance }) => [hit.id, relevance]));
      const results = await rankBestRows(
        openingsInDocumentOrder(citizen, candidates, context),
        limit,
        (ids) => loadMatchOpenings(db(), and(idIn(openings.id, ids), openWithFreeSlot)!),
        (rows) => rankOpenings(citizen, rows, (row) => relevance.get(row.id) ?? 0, context),
      );
      return { results };
    },
    async () => {
      const rows = await loadMatchOpenings(db(), openingConditionsForCitizen(citizen, kinds, radiusKm, search));
      return { results: rankOpenings(citizen, rows, (row) => (search ? wordOverlap(openingText(row), search) : undefined), context) };
    },
  );
  return { results: answer.results, source: answer.source, blockedReason: null };
}
