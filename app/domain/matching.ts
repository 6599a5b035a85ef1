/**
 * Matching citizens and openings (DESIGN: "Matching"). Hard filters are never relaxed: a pair that fails
 * one is not ranked at all. Among the pairs that pass, a score orders them and an explanation in plain
 * Danish says why each fits and what is missing. Pure: today and distances come in as arguments.
 */
import { matchingTerms, termsOf, wordOverlap } from './danish-words';
import { kindEligibility, type EligibilityCitizen, type EligibilityOpening } from './eligibility';
import { formatHours, formatKm, roundKm, type CalendarDay, type HoursRange } from './format';
import { distanceKm as greatCircleKm } from './geo';
import { isOpenWithFreeSlot } from './hard-filters';
import {
  ACCOMMODATION_LABELS,
  DEMAND_LABELS,
  DEMANDS,
  OPENING_STATUS_LABELS,
  type Accommodation,
  type Demand,
  type OpeningStatus,
} from './vocabulary';

/** What the rules need of a citizen; services map database rows and search hits into this. */
export type MatchCitizen = EligibilityCitizen & {
  hoursMin: number;
  hoursMax: number;
  /** Demands of work the citizen must avoid. */
  restrictions: readonly Demand[];
  neededAccommodations: readonly Accommodation[];
  lat: number;
  lon: number;
  reachKm: number;
  /** Job wishes in the citizen's own words. */
  wishes: string;
  competences: readonly string[];
  drivingLicence: boolean;
};

/** What the rules need of an opening; services map database rows and search hits into this. */
export type MatchOpening = EligibilityOpening & {
  hoursMin: number;
  hoursMax: number;
  demands: readonly Demand[];
  accommodations: readonly Accommodation[];
  lat: number;
  lon: number;
  status: OpeningStatus;
  /** Slots not yet taken by an agreement. */
  freeSlots: number;
  title: string;
  tasks: readonly string[];
  /** "Kørekort er et krav": soft, in the score and the explanation (decision 021). */
  drivingLicenceRequired: boolean;
};

/** `distanceKm` when the caller already has it (e.g. from Meilisearch's `_geoDistance`); else from lat/lon. */
export type DistanceContext = { distanceKm?: number };
export type HardFilterContext = DistanceContext & { today: CalendarDay };
/** `textRelevance` in 0..1, e.g. Meilisearch's ranking score; without it a Danish word overlap is used. */
export type ScoreContext = DistanceContext & { textRelevance?: number };

/**
 * The ranking's properties (tests/unit/matching.test.ts, "ranking properties"), which the weights below are
 * chosen to keep, whatever the hours and accommodations:
 * - a wish and experience that the job names, near by, outrank a citizen with neither, near or far;
 * - a wish alone outranks neither at the same distance;
 * - with all else equal, experience outranks nothing, a wish and experience outrank a wish alone, and nearer
 *   outranks farther;
 * - lacking a licence the job requires ranks below the same citizen with one.
 * Wishes and experience lead: the plan starts from what the citizen wants and can (DESIGN: path step 1).
 */
export const TEXT_WEIGHT = 0.55;
/** Within the text: a wish the job names counts most, experience with it the rest. */
export const WISH_SHARE = 0.7;
export const EXPERIENCE_SHARE = 0.3;
/**
 * Hours, distance and accommodations have passed their hard filters; together they weigh less than a wish
 * alone (0.55 × 0.7), so that a comfortable fit never hides the citizen who wants the work.
 */
export const ACCOMMODATION_WEIGHT = 0.15;
export const HOURS_WEIGHT = 0.15;
export const DISTANCE_WEIGHT = 0.15;
/** Without a licence the job requires, the score is halved: shown, said, but after those who have one (decision 021). */
export const MISSING_LICENCE_FACTOR = 0.5;

// ── The single rules ────────────────────────────────────────────────────────────────────────────────────

/** The weekly hours both ranges share, or null. Ranges touching at one point overlap (5–10 and 10–15 share 10). */
export function hoursOverlap(a: HoursRange, b: HoursRange): HoursRange | null {
  const min = Math.max(a.min, b.min);
  const max = Math.min(a.max, b.max);
  return min <= max ? { min, max } : null;
}

/**
 * The opening's demands that the citizen must avoid, in vocabulary order: none is the hard filter "avoid this
 * demand" (hard-filters.ts, tested against it in every engine).
 */
export function conflictingDemands(restrictions: readonly Demand[], demands: readonly Demand[]): Demand[] {
  return DEMANDS.filter((demand) => restrictions.includes(demand) && demands.includes(demand));
}

export type AccommodationCoverage = { covered: Accommodation[]; missing: Accommodation[] };

/** Which of the citizen's needed accommodations the company offers and which it does not, in the citizen's order. */
export function accommodationCoverage(
  needed: readonly Accommodation[],
  offered: readonly Accommodation[],
): AccommodationCoverage {
  const unique = [...new Set(needed)];
  return {
    covered: unique.filter((accommodation) => offered.includes(accommodation)),
    missing: unique.filter((accommodation) => !offered.includes(accommodation)),
  };
}

/** The distance the rules judge: the caller's, or the great-circle distance, rounded as it is shown. */
export function matchDistanceKm(citizen: MatchCitizen, opening: MatchOpening, context: DistanceContext = {}): number {
  return roundKm(context.distanceKm ?? greatCircleKm(citizen, opening));
}

/** Within the citizen's reach, judged at the precision both are shown with. */
export function withinReach(distance: number, reachKm: number): boolean {
  return Number.isFinite(distance) && distance <= roundKm(reachKm);
}

const citizenHours = (citizen: MatchCitizen): HoursRange => ({ min: citizen.hoursMin, max: citizen.hoursMax });
const openingHours = (opening: MatchOpening): HoursRange => ({ min: opening.hoursMin, max: opening.hoursMax });

// ── Hard filters ────────────────────────────────────────────────────────────────────────────────────────

/** Every hard filter the pair fails, as Danish sentences for the consultant. Empty means the pair may match. */
export function hardFilterFailures(citizen: MatchCitizen, opening: MatchOpening, context: HardFilterContext): string[] {
  const failures: string[] = [];

  const eligibility = kindEligibility(citizen, opening, context.today);
  if (!eligibility.eligible) failures.push(eligibility.reason);

  if (!isOpenWithFreeSlot(opening)) {
    failures.push(
      opening.status !== 'open' ? `Jobbet er ikke åbent (${OPENING_STATUS_LABELS[opening.status].toLowerCase()}).` : 'Der er ingen ledige pladser i jobbet.',
    );
  }

  if (!hoursOverlap(citizenHours(citizen), openingHours(opening))) {
    failures.push(
      `Timerne passer ikke: borgeren kan arbejde ${formatHours(citizenHours(citizen))}, og jobbet er på ${formatHours(openingHours(opening))}.`,
    );
  }

  const conflicts = conflictingDemands(citizen.restrictions, opening.demands);
  if (conflicts.length > 0) {
    failures.push(`Jobbet indebærer noget, borgeren skal undgå: ${demandNames(conflicts)}.`);
  }

  const distance = matchDistanceKm(citizen, opening, context);
  if (!withinReach(distance, citizen.reachKm)) {
    failures.push(`Jobbet ligger ${formatKm(distance)} væk, og borgeren kan højst komme ${formatKm(citizen.reachKm)}.`);
  }

  return failures;
}

// ── Score ───────────────────────────────────────────────────────────────────────────────────────────────

export type MatchScoreParts = { text: number; hours: number; distance: number; accommodations: number; licence: number };

/** Each soft criterion on 0..1, before weighting. */
export function matchScoreParts(citizen: MatchCitizen, opening: MatchOpening, context: ScoreContext = {}): MatchScoreParts {
  const distance = matchDistanceKm(citizen, opening, context);
  const { covered } = accommodationCoverage(citizen.neededAccommodations, opening.accommodations);
  const needed = new Set(citizen.neededAccommodations).size;
  return {
    text: textRelevanceOf(citizen, opening, context.textRelevance),
    hours: hoursFit(citizenHours(citizen), openingHours(opening)),
    distance: citizen.reachKm > 0 ? clamp01(1 - distance / citizen.reachKm) : distance === 0 ? 1 : 0,
    accommodations: needed === 0 ? 1 : covered.length / needed,
    licence: lacksRequiredLicence(citizen, opening) ? MISSING_LICENCE_FACTOR : 1,
  };
}

/** The job requires a driving licence and the citizen has none. */
export function lacksRequiredLicence(citizen: Pick<MatchCitizen, 'drivingLicence'>, opening: Pick<MatchOpening, 'drivingLicenceRequired'>): boolean {
  return opening.drivingLicenceRequired && !citizen.drivingLicence;
}

/** 0..100, higher is a better match. Meaningful for pairs that pass the hard filters. */
export function scoreMatch(citizen: MatchCitizen, opening: MatchOpening, context: ScoreContext = {}): number {
  const parts = matchScoreParts(citizen, opening, context);
  const weighted =
    TEXT_WEIGHT * parts.text +
    HOURS_WEIGHT * parts.hours +
    DISTANCE_WEIGHT * parts.distance +
    ACCOMMODATION_WEIGHT * parts.accommodations;
  return Math.round(weighted * parts.licence * 1000) / 10;
}

/**
 * How central the shared hours lie in both ranges, 0..1: 1 when the middle of the overlap is the middle of
 * each range (or a range is a single number), 0 when the ranges only touch at their ends.
 */
export function hoursFit(citizen: HoursRange, opening: HoursRange): number {
  const overlap = hoursOverlap(citizen, opening);
  if (!overlap) return 0;
  const middle = (overlap.min + overlap.max) / 2;
  return (centrality(citizen, middle) + centrality(opening, middle)) / 2;
}

function centrality(range: HoursRange, point: number): number {
  const halfWidth = (range.max - range.min) / 2;
  if (halfWidth === 0) return 1;
  return clamp01(1 - Math.abs(point - (range.min + halfWidth)) / halfWidth);
}

/**
 * The better of the search engine's relevance (typo tolerance, synonyms; relative to a query of up to ten
 * words, so one shared word scores low) and what the explanation names: a wish and experience the job's title
 * and tasks share. The score rewards what the explanation says. Without either, the Danish word overlap.
 */
function textRelevanceOf(citizen: MatchCitizen, opening: MatchOpening, given: number | undefined): number {
  const named = wishAndExperienceFit(citizen, opening);
  if (given !== undefined && Number.isFinite(given)) return Math.max(clamp01(given), named);
  return Math.max(wordOverlap(citizenText(citizen), openingText(opening)), named);
}

/** WISH_SHARE when a wish word is in the job's title or tasks, plus EXPERIENCE_SHARE when a competence is. */
export function wishAndExperienceFit(citizen: Pick<MatchCitizen, 'wishes' | 'competences'>, opening: Pick<MatchOpening, 'title' | 'tasks'>): number {
  const jobTerms = termsOf(openingText(opening));
  const wish = matchingTerms(termsOf(citizen.wishes), jobTerms).length > 0;
  const experience = citizen.competences.some((competence) => matchingTerms(termsOf(competence), jobTerms).length > 0);
  return (wish ? WISH_SHARE : 0) + (experience ? EXPERIENCE_SHARE : 0);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

// ── The words that are matched (their analysis: app/domain/danish-words.ts) ──────────────────────────────

/** What of a citizen the words of a job are matched against: their wishes and competences. */
export const citizenText = (citizen: Pick<MatchCitizen, 'wishes' | 'competences'>) => [citizen.wishes, ...citizen.competences].join('\n');
/** What of an opening is matched: its title and tasks. */
export const openingText = (opening: Pick<MatchOpening, 'title' | 'tasks'>) => [opening.title, ...opening.tasks].join('\n');

// ── Explanation ─────────────────────────────────────────────────────────────────────────────────────────

export type MatchExplanation = {
  /** What fits, one short phrase each. */
  reasons: string[];
  /** What is missing or in the way, one short sentence each that says itself what it is (no label before it). */
  missing: string[];
  /** The reasons on one line: "Ønsker rengøring · 8 t/uge passer (5–10) · 3,2 km · ekstra pauser tilbydes". */
  summary: string;
};

const MAX_WISH_WORDS = 3;
export const MISSING_LICENCE = 'Har ikke kørekort, som jobbet kræver';
const MAX_COMPETENCES = 2;

/** Why the pair fits and what is missing, in plain Danish. */
export function explainMatch(citizen: MatchCitizen, opening: MatchOpening, context: DistanceContext = {}): MatchExplanation {
  const reasons: string[] = [];
  const missing: string[] = [];
  const jobTerms = termsOf(openingText(opening));

  const wishWords = matchingTerms(termsOf(citizen.wishes), jobTerms).slice(0, MAX_WISH_WORDS);
  if (wishWords.length > 0) reasons.push(`Ønsker ${danishList(wishWords.map((term) => term.word))}`);

  const competences = citizen.competences
    .filter((competence) => matchingTerms(termsOf(competence), jobTerms).length > 0)
    .slice(0, MAX_COMPETENCES);
  if (competences.length > 0) reasons.push(`Erfaring: ${competences.map(lowerFirst).join(', ')}`);

  const overlap = hoursOverlap(citizenHours(citizen), openingHours(opening));
  if (overlap) {
    reasons.push(`${formatHours(overlap)} passer (${formatHours(openingHours(opening), { unit: false })})`);
  } else {
    missing.push(
      `Timerne passer ikke: borgeren kan ${formatHours(citizenHours(citizen))}, jobbet er på ${formatHours(openingHours(opening))}`,
    );
  }

  const distance = matchDistanceKm(citizen, opening, context);
  if (withinReach(distance, citizen.reachKm)) {
    reasons.push(formatKm(distance));
  } else {
    missing.push(`For langt væk: ${formatKm(distance)}, borgeren kan højst komme ${formatKm(citizen.reachKm)}`);
  }

  const coverage = accommodationCoverage(citizen.neededAccommodations, opening.accommodations);
  if (coverage.covered.length > 0) reasons.push(`${danishList(accommodationNames(coverage.covered))} tilbydes`);
  if (opening.drivingLicenceRequired && citizen.drivingLicence) reasons.push('Har kørekort');
  missing.push(...softShortfalls(citizen, opening));

  const conflicts = conflictingDemands(citizen.restrictions, opening.demands);
  if (conflicts.length > 0) missing.push(`Indebærer noget, borgeren skal undgå: ${demandNames(conflicts)}`);

  return { reasons, missing, summary: reasons.join(' · ') };
}

/**
 * What the company does not offer of what the citizen needs, as explainMatch says it, or null.
 */
export function accommodationGap(
  citizen: Pick<MatchCitizen, 'neededAccommodations'>,
  opening: Pick<MatchOpening, 'accommodations'>,
): string | null {
  const { missing } = accommodationCoverage(citizen.neededAccommodations, opening.accommodations);
  return missing.length > 0 ? `Virksomheden tilbyder ikke ${danishList(accommodationNames(missing))}` : null;
}

/**
 * What is missing but stops no match, as explainMatch says it: the accommodations the company does not offer,
 * and a driving licence the job requires and the citizen lacks (decision 021).
 */
export function softShortfalls(
  citizen: Pick<MatchCitizen, 'neededAccommodations' | 'drivingLicence'>,
  opening: Pick<MatchOpening, 'accommodations' | 'drivingLicenceRequired'>,
): string[] {
  const gap = accommodationGap(citizen, opening);
  return [...(gap ? [gap] : []), ...(lacksRequiredLicence(citizen, opening) ? [MISSING_LICENCE] : [])];
}

/** The words of the citizen's wishes that the job's title and tasks share, as the citizen wrote them. */
export function matchedWishWords(citizen: Pick<MatchCitizen, 'wishes'>, opening: Pick<MatchOpening, 'title' | 'tasks'>, max = MAX_WISH_WORDS): string[] {
  return matchingTerms(termsOf(citizen.wishes), termsOf([opening.title, ...opening.tasks].join('\n')))
    .slice(0, max)
    .map((term) => term.word);
}

function demandNames(demands: readonly Demand[]): string {
  return danishList(demands.map((demand) => lowerFirst(DEMAND_LABELS[demand])));
}

function accommodationNames(accommodations: readonly Accommodation[]): string[] {
  return accommodations.map((accommodation) => lowerFirst(ACCOMMODATION_LABELS[accommodation]));
}

/** "a", "a og b", "a, b og c" */
function danishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('da') + text.slice(1);
}

// ── Ranking ─────────────────────────────────────────────────────────────────────────────────────────────

/** One pair to rank; `value` is what the caller wants back (a row, a search hit…). */
export type MatchPair<T> = ScoreContext & { value: T; citizen: MatchCitizen; opening: MatchOpening };
export type MatchCandidate<T> = ScoreContext & { value: T };
export type RankedMatch<T> = { value: T; score: number; distanceKm: number; explanation: MatchExplanation };

export type RankContext = {
  today: CalendarDay;
  /** Keep only the best this many; explanations are written only for those. */
  limit?: number;
};

export type OrderedMatch<T> = { pair: MatchPair<T>; score: number; distanceKm: number };

/**
 * The pairs that pass every hard filter, best first (score, then distance, then the caller's order, which
 * is the search engine's). A pair that fails a hard filter is dropped, whatever its text score.
 */
export function orderMatches<T>(pairs: readonly MatchPair<T>[], today: CalendarDay): OrderedMatch<T>[] {
  const passing = pairs.flatMap((pair) => {
    const distance = matchDistanceKm(pair.citizen, pair.opening, pair);
    if (hardFilterFailures(pair.citizen, pair.opening, { today, distanceKm: distance }).length > 0) return [];
    const score = scoreMatch(pair.citizen, pair.opening, { textRelevance: pair.textRelevance, distanceKm: distance });
    return [{ pair, score, distanceKm: distance }];
  });
  return passing.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm);
}

/** `orderMatches`, cut to the limit, each with its explanation. */
export function rankMatches<T>(pairs: readonly MatchPair<T>[], context: RankContext): RankedMatch<T>[] {
  const ordered = orderMatches(pairs, context.today);
  return ordered.slice(0, context.limit ?? ordered.length).map(({ pair, score, distanceKm }) => ({
    value: pair.value,
    score,
    distanceKm,
    explanation: explainMatch(pair.citizen, pair.opening, { distanceKm }),
  }));
}

/** Match from a citizen: the openings the citizen could fill, best first. */
export function rankOpeningsForCitizen<T extends MatchOpening>(
  citizen: MatchCitizen,
  candidates: readonly MatchCandidate<T>[],
  context: RankContext,
): RankedMatch<T>[] {
  return rankMatches(
    candidates.map((candidate) => ({ ...candidate, citizen, opening: candidate.value })),
    context,
  );
}

/** Match from an opening: the citizens who could fill it, best first. */
export function rankCitizensForOpening<T extends MatchCitizen>(
  opening: MatchOpening,
  candidates: readonly MatchCandidate<T>[],
  context: RankContext,
): RankedMatch<T>[] {
  return rankMatches(
    candidates.map((candidate) => ({ ...candidate, citizen: candidate.value, opening })),
    context,
  );
}
