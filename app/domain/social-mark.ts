/**
 * The mark "Socialt ansvarlig virksomhed – <jobcentre>" (issue 17, decision 033): the criteria a company meets
 * with one jobcentre, from facts measured over the last 12 months, against thresholds the jobcentre's leader
 * sets. A leader's decision by hand (grant or withdraw) stands above the criteria until it is lifted.
 * Pure: the facts, the thresholds and today come in as arguments.
 */
import { z } from 'zod';
import { addMonths } from './agreement-rules';
import { addWorkingDays } from './danish-holidays';
import { toIsoDate, type CalendarDay } from './format';
import { plainText } from './text-rules';

/** How far back the facts are measured. */
export const SOCIAL_MARK_MONTHS = 12;

export type SocialMarkThresholds = {
  /** Agreements (småjob, fleksjob or skånejob) started with the jobcentre's citizens. */
  minAgreementsStarted: number;
  /** Of the planned follow-ups that fell due, the share held (in %). */
  followUpsKeptPercent: number;
  /** Of the proposals the company had to answer, the share answered within `answerWorkingDays` (in %). */
  proposalsAnsweredPercent: number;
  answerWorkingDays: number;
};

/** Until the leader sets their own (decision 033). */
export const DEFAULT_SOCIAL_MARK_THRESHOLDS: SocialMarkThresholds = {
  minAgreementsStarted: 1,
  followUpsKeptPercent: 80,
  proposalsAnsweredPercent: 80,
  answerWorkingDays: 10,
};

/** What was measured for one company with one jobcentre over the window. */
export type SocialMarkFacts = {
  agreementsStarted: number;
  /** Planned follow-up dates in the window before today: held, or neither held nor skipped (missed). */
  followUpsHeld: number;
  followUpsMissed: number;
  /** Proposals whose answer was due in the window or given in it: in time, or late (also still unanswered). */
  proposalsAnsweredInTime: number;
  proposalsAnsweredLate: number;
};

export const NO_SOCIAL_MARK_FACTS: SocialMarkFacts = { agreementsStarted: 0, followUpsHeld: 0, followUpsMissed: 0, proposalsAnsweredInTime: 0, proposalsAnsweredLate: 0 };

/** The window of the facts: from this day (included) to today. */
export function socialMarkWindowStart(today: CalendarDay): string {
  return addMonths(toIsoDate(today), -SOCIAL_MARK_MONTHS);
}

export type ProposalAnswerTiming = 'in_time' | 'late' | 'pending';

/**
 * A proposal put to the company on `proposedOn`: answered in time when answered on or before the day
 * `workingDays` working days later; late when answered after it, or not answered and that day has passed;
 * pending while the company still has time.
 */
export function proposalAnswerTiming(
  { proposedOn, answeredOn }: { proposedOn: CalendarDay; answeredOn: CalendarDay | null },
  today: CalendarDay,
  workingDays: number,
): ProposalAnswerTiming {
  const due = addWorkingDays(proposedOn, workingDays);
  if (answeredOn !== null) return toIsoDate(answeredOn) <= due ? 'in_time' : 'late';
  return toIsoDate(today) > due ? 'late' : 'pending';
}

/** Whole percent, rounded down so that 79.9 % never passes as 80 %; null when nothing counted. */
export function shareInPercent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 100) / whole);
}

export type SocialMarkCriterionCode = 'agreements' | 'followUps' | 'proposals';

export type SocialMarkCriterion = {
  code: SocialMarkCriterionCode;
  met: boolean;
  /** What the criterion asks, in Danish. */
  asks: string;
  /** What was measured, in Danish. */
  measured: string;
  /** What is missing, in Danish; null when met. */
  missing: string | null;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Each criterion with whether it is met and, if not, what is missing. Nothing to count is nothing missed. */
export function socialMarkCriteria(facts: SocialMarkFacts, thresholds: SocialMarkThresholds): SocialMarkCriterion[] {
  const agreementsMissing = Math.max(0, thresholds.minAgreementsStarted - facts.agreementsStarted);
  const followUpsDue = facts.followUpsHeld + facts.followUpsMissed;
  const followUpsShare = shareInPercent(facts.followUpsHeld, followUpsDue);
  const proposalsDue = facts.proposalsAnsweredInTime + facts.proposalsAnsweredLate;
  const proposalsShare = shareInPercent(facts.proposalsAnsweredInTime, proposalsDue);
  const followUpsMet = followUpsShare === null || followUpsShare >= thresholds.followUpsKeptPercent;
  const proposalsMet = proposalsShare === null || proposalsShare >= thresholds.proposalsAnsweredPercent;
  return [
    {
      code: 'agreements',
      met: agreementsMissing === 0,
      asks: `Mindst ${plural(thresholds.minAgreementsStarted, 'aftale', 'aftaler')} om småjob, fleksjob eller skånejob er startet`,
      measured: `${plural(facts.agreementsStarted, 'aftale', 'aftaler')} startet`,
      missing: agreementsMissing === 0 ? null : `${plural(agreementsMissing, 'aftale', 'aftaler')} mere skal starte.`,
    },
    {
      code: 'followUps',
      met: followUpsMet,
      asks: `Mindst ${thresholds.followUpsKeptPercent} % af de planlagte opfølgninger er holdt`,
      measured:
        followUpsShare === null
          ? 'Ingen opfølgninger var planlagt endnu'
          : `${facts.followUpsHeld} af ${followUpsDue} holdt (${followUpsShare} %)`,
      missing: followUpsMet
        ? null
        : `${plural(heldNeeded(facts.followUpsHeld, followUpsDue, thresholds.followUpsKeptPercent), 'opfølgning', 'opfølgninger')} mere skulle være holdt. Aftal de næste med jobcentret, og hold dem.`,
    },
    {
      code: 'proposals',
      met: proposalsMet,
      asks: `Mindst ${thresholds.proposalsAnsweredPercent} % af forslagene om kandidater er besvaret inden for ${thresholds.answerWorkingDays} arbejdsdage`,
      measured:
        proposalsShare === null
          ? 'Ingen forslag skulle besvares endnu'
          : `${facts.proposalsAnsweredInTime} af ${proposalsDue} besvaret i tide (${proposalsShare} %)`,
      missing: proposalsMet ? null : `Svar på de næste forslag inden for ${thresholds.answerWorkingDays} arbejdsdage.`,
    },
  ];
}

/** How many more of `due` should have been kept to reach `percent` (the misses that stand in the way). */
function heldNeeded(held: number, due: number, percent: number): number {
  return Math.max(1, Math.ceil((percent * due) / 100) - held);
}

export function earnsSocialMark(facts: SocialMarkFacts, thresholds: SocialMarkThresholds): boolean {
  return socialMarkCriteria(facts, thresholds).every((criterion) => criterion.met);
}

/** A leader's decision by hand: it stands until the leader lets the criteria decide again. */
export const SOCIAL_MARK_HAND_DECISIONS = ['granted', 'withdrawn'] as const;
export type SocialMarkHandDecision = (typeof SOCIAL_MARK_HAND_DECISIONS)[number];

/** Whether the company holds the mark: the leader's decision if there is one, otherwise the criteria. */
export function holdsSocialMark({ earned, handDecision }: { earned: boolean; handDecision: SocialMarkHandDecision | null }): boolean {
  return handDecision === null ? earned : handDecision === 'granted';
}

/** The mark's name: "Socialt ansvarlig virksomhed – Jobcenter Aarhus". */
export function socialMarkTitle(jobcentreName: string): string {
  return `Socialt ansvarlig virksomhed – ${jobcentreName}`;
}

/** The entries of the mark's history, as the leader and the company read them. */
export const SOCIAL_MARK_EVENT_ENTRIES = [
  { code: 'earned', da: 'Opfylder kriterierne' },
  { code: 'lost', da: 'Opfylder ikke længere kriterierne' },
  { code: 'granted', da: 'Tildelt af jobcentret' },
  { code: 'withdrawn', da: 'Frataget af jobcentret' },
  { code: 'criteria', da: 'Kriterierne afgør igen' },
] as const;
export type SocialMarkEventKind = (typeof SOCIAL_MARK_EVENT_ENTRIES)[number]['code'];

// ── The leader's forms ──────────────────────────────────────────────────────────────────────────────────

/** A whole number typed in a field, with a Danish message for anything else; the form keeps what was typed. */
const wholeNumber = (label: string, min: number, max: number, unit = '') =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().replace(/\s*%$/, '') : value),
    z
      .string({ error: `Skriv ${label}.` })
      .min(1, `Skriv ${label}.`)
      .regex(/^-?\d+$/, `${capitalised(label)} skal være et helt tal, fx ${min === 0 ? 80 : min}.`)
      .transform(Number)
      .pipe(z.number().min(min, `${capitalised(label)} skal være mellem ${min} og ${max}${unit}.`).max(max, `${capitalised(label)} skal være mellem ${min} og ${max}${unit}.`)),
  );

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The thresholds page: percentages within 0–100, counts and days within sensible bounds. */
export const socialMarkThresholdsSchema = z.object({
  minAgreementsStarted: wholeNumber('antallet af aftaler', 0, 50),
  followUpsKeptPercent: wholeNumber('andelen af holdte opfølgninger', 0, 100, ' %'),
  proposalsAnsweredPercent: wholeNumber('andelen af besvarede forslag', 0, 100, ' %'),
  answerWorkingDays: wholeNumber('antallet af arbejdsdage', 1, 60),
});

/** The leader's decision by hand, with the reason that is kept in the history. */
export const socialMarkDecisionSchema = z.object({
  decision: z.enum([...SOCIAL_MARK_HAND_DECISIONS, 'criteria'], { error: 'Vælg, hvad du vil gøre med mærket.' }),
  reason: plainText({ field: 'Begrundelsen', missing: 'Skriv en begrundelse. Den gemmes i historikken.', min: 5, max: 1000, lines: true }),
});

export type SocialMarkDecisionInput = z.output<typeof socialMarkDecisionSchema>;
