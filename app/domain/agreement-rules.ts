/**
 * The agreement between a citizen and a company (DESIGN: path step 2 ends with it, step 3 follows it): what
 * a valid one holds, the follow-up plan the consultant proposes and the rule it must keep, what changed
 * between two versions, which planned follow-ups are due or overdue, and when the 30-hours goal is reached.
 * Pure: today, the opening and the citizen come in as arguments.
 */
import { z } from 'zod';
import { reachedOrdinaryHoursGoal } from './citizen-path';
import { nearestWorkingDay } from './danish-holidays';
import { formatDateIn, formatHoursIn, listIn } from './language-format';
import { labelIn, type Language } from './language';
import { addDays, formatDate, formatHours, toIsoDate, type CalendarDay } from './format';
import { fieldErrorsOf, type FieldErrors } from './form-values';
import { checkbox, codeList, emailAddress, linesOf, phoneNumber, plainText, weeklyHours } from './text-rules';
import {
  DAY_PART_ENTRIES,
  DAY_PARTS,
  FOLLOW_UP_CHANNELS,
  MAX_WEEKLY_HOURS,
  WEEKDAY_ENTRIES,
  WEEKDAYS,
  type OpeningKind,
} from './vocabulary';

export const MAX_AGREEMENT_TASKS = 15;
export const MAX_SUB_GOALS = 10;
export const MAX_FOLLOW_UP_DATES = 60;

export const FOLLOW_UP_CHANNEL_LABELS: Record<(typeof FOLLOW_UP_CHANNELS)[number], string> = {
  meeting: 'Møde',
  phone: 'Telefon',
  video: 'Video',
  message: 'Besked',
};

export const WITH_WHOM = ['citizen', 'company', 'both'] as const;
export type WithWhom = (typeof WITH_WHOM)[number];
export const WITH_WHOM_LABELS: Record<WithWhom, string> = { citizen: 'Borgeren', company: 'Virksomheden', both: 'Borgeren og virksomheden' };

export const HOURS_REPORTERS = ['company', 'citizen'] as const;
/** Who reported a month's hours: the company or the citizen (their own forms), or the jobcentre for them. */
export const HOURS_REPORTER_ENTRIES = [
  { code: 'company', da: 'Virksomheden', en: 'The company' },
  { code: 'citizen', da: 'Borgeren', en: 'The citizen' },
  { code: 'consultant', da: 'Jobcentret', en: 'The job centre' },
] as const;
export const HOURS_REPORTER_LABELS = Object.fromEntries(HOURS_REPORTER_ENTRIES.map((entry) => [entry.code, entry.da])) as Record<
  (typeof HOURS_REPORTER_ENTRIES)[number]['code'],
  string
>;

/** What the agreement's main weekly hours are called for each kind of job. */
export const MAIN_HOURS_ENTRIES = [
  { code: 'ordinary_hours', da: 'Ordinære timer om ugen', en: 'Ordinary paid hours a week' },
  { code: 'flexjob', da: 'Fleksjobtimer om ugen', en: 'Flexjob hours a week' },
  { code: 'sheltered_job', da: 'Timer i skånejobbet om ugen', en: 'Hours in the sheltered job a week' },
] as const satisfies readonly { code: OpeningKind; da: string; en: string }[];
export const MAIN_HOURS_LABELS = Object.fromEntries(MAIN_HOURS_ENTRIES.map((entry) => [entry.code, entry.da])) as Record<OpeningKind, string>;

// ── Dates ────────────────────────────────────────────────────────────────────────────────────────────────

function partsOf(day: string): [number, number, number] {
  return toIsoDate(day).split('-').map(Number) as [number, number, number];
}

function iso(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(day: CalendarDay, months: number): string {
  const [year, month, date] = partsOf(toIsoDate(day));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return iso(targetYear, targetMonth, Math.min(date, lastDay));
}

export { addDays };

/** 'YYYY-MM-01' of the day's month. */
export function monthOf(day: CalendarDay): string {
  const [year, month] = partsOf(toIsoDate(day));
  return iso(year, month, 1);
}

function isRealDate(value: string): boolean {
  try {
    toIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

// ── The follow-up plan ───────────────────────────────────────────────────────────────────────────────────

/**
 * The ordinary hours a new agreement proposes: a fleksjob's expected hours (at most what the citizen can work),
 * otherwise the citizen's minimum kept inside the opening's range. Also what the match pages' calculator
 * figure counts with, so it is the figure the agreement form shows.
 */
export function proposedOrdinaryHours(
  opening: { kind: OpeningKind; hoursMin: number; hoursMax: number; flexjobExpectedHours: number | null },
  citizen: { hoursMin: number; hoursMax: number },
): number {
  if (opening.kind === 'flexjob' && opening.flexjobExpectedHours) return Math.min(opening.flexjobExpectedHours, citizen.hoursMax);
  return Math.max(opening.hoursMin, Math.min(opening.hoursMax, citizen.hoursMin));
}

/**
 * The plan the consultant starts from: weekly in the first month, then monthly through the first year. A
 * skånejob is followed up within 6 months and then yearly; its proposal is one month, six months and 18 months.
 * No date falls on a weekend or a closed day (app/domain/danish-holidays.ts): each moves to the nearest working
 * day, but never later than the rule allows (a month after the contact before it; for a skånejob 6 months after
 * the start, then 12 months), so a date at that edge moves back instead. Each monthly date counts from the
 * date before it as moved, so the plan keeps the rule it proposes (decision 023).
 */
export function proposeFollowUpDates(startDate: CalendarDay, kind: OpeningKind): string[] {
  const start = toIsoDate(startDate);
  const dates: string[] = [];
  const propose = (target: string, notAfter: string) => {
    const day = nearestWorkingDay(target, { notAfter });
    dates.push(day);
    return day;
  };
  if (kind === 'sheltered_job') {
    const first = propose(addMonths(start, 1), addMonths(start, 6));
    const second = propose(addMonths(start, 6), addMonths(first, 12));
    propose(addMonths(start, 18), addMonths(second, 12));
    return dates;
  }
  let last = start;
  for (const days of [7, 14, 21, 28]) last = propose(addDays(start, days), addMonths(last, 1));
  const yearEnd = addMonths(start, 12);
  while (addMonths(last, 1) < yearEnd) last = propose(addMonths(last, 1), addMonths(last, 1));
  return dates;
}

export type PlanGap = { from: string; to: string };

/**
 * Where the plan leaves more than a month without contact in the first year after the start (the start
 * counts as a contact, and so does the end of the first year), or, for a skånejob, more than 6 months before
 * the first contact and 12 months between later ones. Empty when the plan keeps the rule.
 */
export function followUpGaps(plan: readonly string[], startDate: CalendarDay, kind: OpeningKind): PlanGap[] {
  const start = toIsoDate(startDate);
  const dates = [...new Set(plan.map((day) => toIsoDate(day)))].filter((day) => day >= start).sort();
  const gaps: PlanGap[] = [];
  if (kind === 'sheltered_job') {
    const first = dates[0];
    if (!first || first > addMonths(start, 6)) gaps.push({ from: start, to: first ?? addMonths(start, 6) });
    for (let index = 1; index < dates.length; index += 1) {
      if (dates[index]! > addMonths(dates[index - 1]!, 12)) gaps.push({ from: dates[index - 1]!, to: dates[index]! });
    }
    return gaps;
  }
  const yearEnd = addMonths(start, 12);
  const points = [start, ...dates.filter((day) => day < yearEnd), yearEnd];
  for (let index = 1; index < points.length; index += 1) {
    if (points[index]! > addMonths(points[index - 1]!, 1)) gaps.push({ from: points[index - 1]!, to: points[index]! });
  }
  return gaps;
}

export function describePlanGap(gap: PlanGap, kind: OpeningKind): string {
  if (kind === 'sheltered_job') {
    return `Der er mere end ${gap.from === gap.to ? '6' : '12'} måneder uden opfølgning mellem ${formatDate(gap.from)} og ${formatDate(gap.to)}. Et skånejob følges op inden for 6 måneder og derefter mindst hver 12. måned.`;
  }
  return `Der er mere end en måned uden opfølgning mellem ${formatDate(gap.from)} og ${formatDate(gap.to)}. Det første år skal der være kontakt mindst én gang om måneden.`;
}

// ── Sub-goals and follow-ups: one row each ───────────────────────────────────────────────────────────────

export type SubGoalInput = { description: string; dueDate: string };

/**
 * The form's sub-goals: a date field (`subGoalDate`) and a text field (`subGoalDescription`) per row, posted
 * in the order shown. Rows are kept as shown, blank ones included, so a message can point at its row.
 */
export function subGoalRowsOf(values: Record<string, unknown>): SubGoalInput[] {
  const dates = listOf(values.subGoalDate);
  const descriptions = listOf(values.subGoalDescription);
  return Array.from({ length: Math.max(dates.length, descriptions.length) }, (_, row) => ({ dueDate: dates[row] ?? '', description: descriptions[row] ?? '' }));
}

/** The form's follow-up dates (`followUpDates`), one date field per row, blank ones included. */
export function followUpRowsOf(values: Record<string, unknown>): string[] {
  return listOf(values.followUpDates);
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item.trim() : ''));
  return typeof value === 'string' ? [value.trim()] : [];
}

/** The form fields of saved sub-goals and follow-ups, in the shape the rows are posted in. */
export function rowFieldsOf(subGoals: readonly SubGoalInput[], followUpDates: readonly string[]) {
  return {
    subGoalDate: subGoals.map((goal) => goal.dueDate),
    subGoalDescription: subGoals.map((goal) => goal.description),
    followUpDates: [...followUpDates],
  };
}

/** The row a "Tilføj delmål" (addSubGoal) or "Tilføj opfølgning" (addFollowUp) press asks for, or null. */
export function addedRowOf(intent: unknown): 'subGoal' | 'followUp' | null {
  return intent === 'addSubGoal' ? 'subGoal' : intent === 'addFollowUp' ? 'followUp' : null;
}

/** "Tilføj delmål" / "Tilføj opfølgning" without JavaScript: the posted values with one more empty row. */
export function withAddedRow(values: Record<string, string | string[]>, row: 'subGoal' | 'followUp'): Record<string, string | string[]> {
  if (row === 'followUp') return { ...values, followUpDates: [...followUpRowsOf(values), ''] };
  const goals = [...subGoalRowsOf(values), { dueDate: '', description: '' }];
  return { ...values, subGoalDate: goals.map((goal) => goal.dueDate), subGoalDescription: goals.map((goal) => goal.description) };
}

/** The rows as the schema reads them: a blank sub-goal row is null, to be left out after validation. */
function withRows(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const values = input as Record<string, unknown>;
  if (Array.isArray(values.subGoals)) return input;
  const subGoals = subGoalRowsOf(values).map((goal) => (goal.dueDate === '' && goal.description === '' ? null : goal));
  return { ...values, subGoals, followUpDates: followUpRowsOf(values) };
}

const DATE_MESSAGE = 'Skriv en dato, der findes, fx 2027-03-01.';

const subGoalRow = z
  .object({
    dueDate: z.string().trim().min(1, 'Skriv datoen for delmålet.').refine(isRealDate, DATE_MESSAGE),
    description: plainText({ field: 'Delmålet', missing: 'Skriv delmålet, fx 8 ordinære timer om ugen.', min: 2, max: 200 }),
  })
  .nullable();

// ── The form ────────────────────────────────────────────────────────────────────────────────────────────

export type AgreementContext = {
  kind: OpeningKind;
  opening: { hoursMin: number; hoursMax: number };
  citizen: { hoursMin: number; hoursMax: number; flexjobVisitationUntil: string | null; benefitStatus: string };
};

const emptyToUndefined = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);

const requiredDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(isRealDate, 'Skriv en rigtig dato, fx 2027-03-01.');

/** The consultant's agreement form (new agreement and renegotiation); the server's answer is the authority. */
export function agreementInputSchema({ kind, opening, citizen }: AgreementContext, { renegotiation = false }: { renegotiation?: boolean } = {}) {
  const schema = z
    .object({
      ordinaryHoursPerWeek: weeklyHours('timerne om ugen'),
      internshipHoursPerWeek: z.preprocess((value) => (value === '' || value === undefined ? '0' : value), weeklyHours('praktiktimerne')),
      days: codeList(WEEKDAYS, 'Ukendt ugedag.'),
      parts: codeList(DAY_PARTS, 'Ukendt tid på dagen.'),
      scheduleNote: plainText({ field: 'Bemærkningen om arbejdstiden', max: 200 }).optional().default(''),
      startDate: requiredDate('Skriv en startdato, fx 2027-03-01.'),
      renegotiationDate: requiredDate('Skriv datoen for den første genforhandling, fx 2027-06-01.'),
      tasks: z.preprocess(
        linesOf,
        z
          .array(plainText({ field: 'Opgaven', min: 2, max: 200 }))
          .min(1, 'Skriv mindst én opgave (én pr. linje).')
          .max(MAX_AGREEMENT_TASKS, `Skriv højst ${MAX_AGREEMENT_TASKS} opgaver.`),
      ),
      contactName: plainText({ field: 'Kontaktpersonens navn', missing: 'Skriv kontaktpersonens navn.', min: 2, max: 120 }),
      contactRole: plainText({ field: 'Kontaktpersonens rolle', missing: 'Skriv kontaktpersonens rolle, fx køkkenleder.', min: 2, max: 120 }),
      contactPhone: z.preprocess(emptyToUndefined, phoneNumber.optional()).transform((value) => value ?? null),
      contactEmail: z.preprocess(emptyToUndefined, emailAddress.optional()).transform((value) => value ?? null),
      subGoals: z.array(subGoalRow),
      sharedHealthConsiderations: plainText({ field: 'Hensynene', max: 1000, lines: true }).optional().default(''),
      healthConsent: checkbox,
      // A blank row is left out; a date that does not exist is named at its row.
      followUpDates: z.array(z.string().refine((day) => day === '' || isRealDate(day), DATE_MESSAGE)),
      changeNote: renegotiation
        ? plainText({ field: 'Beskrivelsen af ændringen', missing: 'Skriv kort, hvad I har genforhandlet.', min: 3, max: 500, lines: true })
        : z.string().optional().transform(() => ''),
    })
    .superRefine((input, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const main = input.ordinaryHoursPerWeek;
      const total = main + input.internshipHoursPerWeek;
      const range = { min: opening.hoursMin, max: opening.hoursMax };
      if (kind === 'ordinary_hours' && main <= 0) {
        issue('ordinaryHoursPerWeek', 'Et småjob skal have mindst én ordinær time om ugen. Skriv antallet af ordinære timer.');
      } else if (main < opening.hoursMin || main > opening.hoursMax) {
        issue('ordinaryHoursPerWeek', `Timerne skal ligge inden for jobopslagets ${formatHours(range)}.`);
      } else if (kind === 'flexjob' && (main < 1 || main > MAX_WEEKLY_HOURS)) {
        issue('ordinaryHoursPerWeek', `Et fleksjob skal have mellem 1 og ${MAX_WEEKLY_HOURS} timer om ugen.`);
      }
      const citizenRange = { min: citizen.hoursMin, max: citizen.hoursMax };
      if (total > citizen.hoursMax || total < citizen.hoursMin) {
        issue(
          input.internshipHoursPerWeek > 0 && main <= citizen.hoursMax && main >= citizen.hoursMin ? 'internshipHoursPerWeek' : 'ordinaryHoursPerWeek',
          `Borgeren kan arbejde ${formatHours(citizenRange)}. Timerne i alt (${formatHours(total)}) skal ligge inden for det.`,
        );
      }
      if (kind === 'flexjob') {
        const until = citizen.flexjobVisitationUntil;
        if (!until || (isRealDate(input.startDate) && until < input.startDate)) {
          issue('ordinaryHoursPerWeek', until ? `Borgerens visitation til fleksjob udløber ${formatDate(until)}, før aftalen starter. Få visitationen forlænget først.` : 'Borgeren er ikke visiteret til fleksjob.');
        }
      }
      if (kind === 'sheltered_job' && citizen.benefitStatus !== 'disability_pension') {
        issue('ordinaryHoursPerWeek', 'Et skånejob kræver, at borgeren får førtidspension.');
      }
      if (isRealDate(input.startDate) && isRealDate(input.renegotiationDate) && input.renegotiationDate <= input.startDate) {
        issue('renegotiationDate', 'Genforhandlingen skal ligge efter startdatoen.');
      }
      if (!input.contactPhone && !input.contactEmail) {
        issue('contactPhone', 'Skriv et telefonnummer eller en e-mail til kontaktpersonen, så borgeren kan komme i kontakt.');
      }
      if (input.sharedHealthConsiderations && !input.healthConsent) {
        issue('healthConsent', 'Sæt kryds, hvis borgeren har sagt ja til at dele hensynene med virksomheden. Ellers fjern teksten.');
      }
      if (input.subGoals.filter(Boolean).length > MAX_SUB_GOALS) issue('subGoals', `Skriv højst ${MAX_SUB_GOALS} delmål.`);
      const planned = input.followUpDates.filter((day) => day !== '');
      if (planned.length === 0) issue('followUpDates', 'Skriv mindst én opfølgningsdato.');
      if (planned.length > MAX_FOLLOW_UP_DATES) issue('followUpDates', `Skriv højst ${MAX_FOLLOW_UP_DATES} opfølgningsdatoer.`);
      if (isRealDate(input.startDate) && planned.length > 0 && planned.every(isRealDate)) {
        const before = input.followUpDates.findIndex((day) => day !== '' && day < input.startDate);
        if (before !== -1) {
          ctx.addIssue({ code: 'custom', path: ['followUpDates', before], message: `Opfølgningen ${formatDate(input.followUpDates[before]!)} ligger før startdatoen.` });
        } else {
          const [gap] = followUpGaps(planned, input.startDate, kind);
          if (gap) issue('followUpDates', describePlanGap(gap, kind));
        }
      }
    })
    .transform(({ days, parts, scheduleNote, healthConsent: _consent, followUpDates, subGoals, ...input }) => ({
      ...input,
      subGoals: subGoals.filter((goal): goal is SubGoalInput => goal !== null),
      followUpDates: [...new Set(followUpDates.filter((day) => day !== ''))].sort(),
      schedule: { days, parts, ...(scheduleNote ? { note: scheduleNote } : {}) },
    }));
  return z.preprocess(withRows, schema);
}

export type AgreementInput = z.output<ReturnType<typeof agreementInputSchema>>;

export const AGREEMENT_LIST_FIELDS = ['days', 'parts', 'subGoalDate', 'subGoalDescription', 'followUpDates'] as const;

const LINE_FIELDS: readonly PropertyKey[] = ['tasks'];
const ROW_FIELDS: readonly PropertyKey[] = ['subGoals', 'followUpDates'];

/**
 * The first message per field; a message about one line of the tasks says which line, and one about a row of
 * sub-goals or follow-ups is keyed by its row ('subGoals.2.dueDate', 'followUpDates.0'), to stand at that field.
 */
export function agreementFieldErrors(error: z.ZodError): FieldErrors {
  return fieldErrorsOf(error, { lineFields: LINE_FIELDS, rowFields: ROW_FIELDS });
}

// ── Versions ────────────────────────────────────────────────────────────────────────────────────────────

export type AgreementTerms = {
  ordinaryHoursPerWeek: number;
  internshipHoursPerWeek: number;
  schedule: { days: string[]; parts: string[]; note?: string };
  startDate: string;
  renegotiationDate: string | null;
  tasks: string[];
  contactName: string;
  contactRole: string;
  contactPhone: string | null;
  contactEmail: string | null;
  subGoals: SubGoalInput[];
  sharedHealthConsiderations: string;
  followUpDates: string[];
};

/**
 * "Mandag, onsdag og fredag, formiddag. Kl. 7–10": weekdays are lower case in a Danish sentence. In English
 * "Monday, Wednesday and Friday, morning. Kl. 7–10" (the note is the parties' own Danish words).
 */
export function describeSchedule(schedule: AgreementTerms['schedule'], language: Language = 'da'): string {
  const da = language === 'da';
  const days = schedule.days.map((day) => {
    const label = labelIn(WEEKDAY_ENTRIES, day as (typeof WEEKDAYS)[number], language);
    return da ? label.toLowerCase() : label;
  });
  const parts = schedule.parts.map((part) => labelIn(DAY_PART_ENTRIES, part as (typeof DAY_PARTS)[number], language).toLowerCase());
  const text = [listIn(days, language), parts.join(da ? ' og ' : ' and ')].filter(Boolean).join(', ');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return [sentence, schedule.note].filter(Boolean).join('. ') || (da ? 'Ikke aftalt' : 'Not agreed');
}

export type TermChange = { label: string; before: string; after: string };

/** What changed from one version to the next, in words a person reads (the citizen may read them in English). */
export function agreementChanges(before: AgreementTerms, after: AgreementTerms, kind: OpeningKind, language: Language = 'da'): TermChange[] {
  const da = language === 'da';
  const date = (day: string | null) => (day ? formatDateIn(day, language) : '–');
  const hours = (value: number) => formatHoursIn(value, language);
  const fields: { label: string; show: (terms: AgreementTerms) => string }[] = [
    { label: labelIn(MAIN_HOURS_ENTRIES, kind, language), show: (terms) => hours(terms.ordinaryHoursPerWeek) },
    { label: da ? 'Praktiktimer om ugen' : 'Work placement hours a week', show: (terms) => hours(terms.internshipHoursPerWeek) },
    { label: da ? 'Hvornår på ugen' : 'When in the week', show: (terms) => describeSchedule(terms.schedule, language) },
    { label: da ? 'Startdato' : 'Start date', show: (terms) => date(terms.startDate) },
    { label: da ? 'Genforhandling' : 'Renegotiation', show: (terms) => date(terms.renegotiationDate) },
    { label: da ? 'Opgaver' : 'Tasks', show: (terms) => terms.tasks.join('; ') },
    {
      label: da ? 'Kontaktperson' : 'Contact person',
      show: (terms) => [terms.contactName, terms.contactRole, terms.contactPhone, terms.contactEmail].filter(Boolean).join(', '),
    },
    { label: da ? 'Delmål' : 'Sub-goals', show: (terms) => terms.subGoals.map((goal) => `${date(goal.dueDate)}: ${goal.description}`).join('; ') || '–' },
    { label: da ? 'Hensyn virksomheden skal kende' : 'Considerations the company must know', show: (terms) => terms.sharedHealthConsiderations || '–' },
    { label: da ? 'Opfølgningsdatoer' : 'Follow-up dates', show: (terms) => terms.followUpDates.map(date).join(', ') },
  ];
  return fields
    .map((field) => ({ label: field.label, before: field.show(before), after: field.show(after) }))
    .filter((change) => change.before !== change.after);
}

// ── Confirmation ────────────────────────────────────────────────────────────────────────────────────────

export type ConfirmationState = { companyConfirmedAt: Date | string | null; citizenConfirmedAt: Date | string | null };

/**
 * The day an agreement takes effect: its first version's start date, or the day both parties confirmed when
 * that came later. "Aktiv fra" says this day: an agreement confirmed on 7 December that starts on 12 January
 * is not active from 7 December.
 */
export function agreementEffectiveFrom(activatedAt: Date, firstStartDate: CalendarDay): string {
  const confirmed = toIsoDate(activatedAt);
  const start = toIsoDate(firstStartDate);
  return start > confirmed ? start : confirmed;
}

export function isConfirmedByBoth(version: ConfirmationState): boolean {
  return version.companyConfirmedAt !== null && version.citizenConfirmedAt !== null;
}

/**
 * The citizen's next action once an agreement first becomes active: the first planned follow-up from today
 * (the caseload would otherwise go on saying "find a company" for a citizen who is at one).
 */
export function nextActionOnActivation(companyName: string, followUpDates: readonly string[], today: CalendarDay): { nextAction: string; nextActionDate: string | null } {
  const day = toIsoDate(today);
  const next = [...followUpDates].sort().find((planned) => planned >= day) ?? null;
  return { nextAction: `Opfølgning hos ${companyName}`, nextActionDate: next };
}

// ── Follow-up due lists ─────────────────────────────────────────────────────────────────────────────────

export type FollowUpStatus = {
  /** The earliest planned date not yet held or skipped: the oldest overdue one first. */
  next: string | null;
  overdue: boolean;
  /** Every planned date before today that is neither held nor skipped, oldest first. */
  overdueDates: string[];
  /** The first open planned date from today on. */
  upcoming: string | null;
  dueThisWeek: boolean;
};

export const NO_FOLLOW_UP: FollowUpStatus = { next: null, overdue: false, overdueDates: [], upcoming: null, dueThisWeek: false };

/** Sunday of the day's week (weeks run Monday to Sunday, as in Denmark). */
export function endOfWeek(day: CalendarDay): string {
  const today = toIsoDate(day);
  const [year, month, date] = partsOf(today);
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
  return addDays(today, 6 - weekday);
}

/**
 * Each planned date stays open until a contact is logged for that date or it is skipped with a reason
 * (`closed`: the planned dates held or skipped). A contact holds only the date it was logged for, so one
 * contact never hides earlier missed dates. Open dates before today are overdue; an open date from today to
 * Sunday is due this week.
 */
export function followUpStatus(plan: readonly string[], closed: readonly (string | null)[], today: CalendarDay): FollowUpStatus {
  const day = toIsoDate(today);
  const done = new Set(closed.filter((date): date is string => date !== null).map((date) => toIsoDate(date)));
  const open = [...new Set(plan)].sort().filter((planned) => !done.has(planned));
  const overdueDates = open.filter((planned) => planned < day);
  const upcoming = open.find((planned) => planned >= day) ?? null;
  return {
    next: open[0] ?? null,
    overdue: overdueDates.length > 0,
    overdueDates,
    upcoming,
    dueThisWeek: upcoming !== null && upcoming <= endOfWeek(day),
  };
}

export type PlannedFollowUpState = 'held' | 'skipped' | 'overdue' | 'planned';
export type PlannedFollowUp = { date: string; state: PlannedFollowUpState; heldOn: string | null; skipReason: string | null };

/** The plan date by date: held (and on which day), skipped (and why), overdue, or still ahead. */
export function plannedFollowUps(
  plan: readonly string[],
  contacts: readonly { plannedDate: string | null; contactDate: string }[],
  skips: readonly { plannedDate: string; reason: string }[],
  today: CalendarDay,
): PlannedFollowUp[] {
  const day = toIsoDate(today);
  return [...new Set(plan)].sort().map((date) => {
    const held = contacts.filter((contact) => contact.plannedDate === date).map((contact) => contact.contactDate).sort()[0] ?? null;
    const skip = skips.find((entry) => entry.plannedDate === date) ?? null;
    const state: PlannedFollowUpState = held ? 'held' : skip ? 'skipped' : date < day ? 'overdue' : 'planned';
    return { date, state, heldOn: held, skipReason: held ? null : (skip?.reason ?? null) };
  });
}

// ── Progress ────────────────────────────────────────────────────────────────────────────────────────────

export type MonthHours = { month: string; ordinaryHours: number; internshipHours: number; flexjobHours: number; wageSubsidyHours: number };

export { reachedOrdinaryHoursGoal };

/** The first calendar month that reached the goal of ordinary hours, or null. */
export function firstGoalMonth(months: readonly Pick<MonthHours, 'month' | 'ordinaryHours'>[]): string | null {
  return [...months].sort((a, b) => a.month.localeCompare(b.month)).find(reachedOrdinaryHoursGoal)?.month ?? null;
}

const monthHours = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? '0' : value.trim().replace(',', '.')) : value),
    z.coerce
      .number({ error: `${label} skal være et tal.` })
      .min(0, 'Timetallet kan ikke være negativt.')
      .max(744, 'En måned har højst 744 timer.'),
  );

/** The consultant's monthly hours form: month 'ÅÅÅÅ-MM', the four kinds of hours, who reported them. */
export function monthlyHoursSchema({ today, startDate }: { today: string; startDate: string }) {
  return z
    .object({
      month: z
        .string({ error: 'Vælg måneden.' })
        .trim()
        .regex(/^\d{4}-\d{2}$/, 'Skriv måneden som ÅÅÅÅ-MM, fx 2027-03.')
        .refine((value) => isRealDate(`${value}-01`), 'Skriv måneden som ÅÅÅÅ-MM, fx 2027-03.')
        .transform((value) => `${value}-01`)
        .refine((month) => month <= monthOf(today), 'Måneden ligger i fremtiden. Timer registreres, når de er arbejdet.')
        .refine((month) => month >= monthOf(startDate), 'Måneden ligger før aftalen startede.'),
      ordinaryHours: monthHours('De ordinære timer'),
      internshipHours: monthHours('Praktiktimerne'),
      flexjobHours: monthHours('Fleksjobtimerne'),
      wageSubsidyHours: monthHours('Løntilskudstimerne'),
      reportedBy: z.enum(HOURS_REPORTERS, { error: 'Vælg, hvem der har oplyst timerne.' }),
      /**
       * The month whose saved hours the person deliberately corrects ('ÅÅÅÅ-MM'), set by the correction form.
       * Without it, hours for a month that has hours already are refused rather than replaced.
       */
      correcting: z
        .preprocess(emptyToUndefined, z.string().trim().regex(/^\d{4}-\d{2}(-01)?$/, 'Skriv måneden som ÅÅÅÅ-MM, fx 2027-03.').optional())
        .transform((value) => (value ? `${value.slice(0, 7)}-01` : null)),
    });
}

export type MonthlyHoursInput = z.output<ReturnType<typeof monthlyHoursSchema>>;

/** The company's own report of a month: the same rules, and the company is who reported the hours. */
export function companyMonthlyHoursSchema(period: { today: string; startDate: string }) {
  return monthlyHoursSchema(period).omit({ reportedBy: true });
}

export type CompanyMonthlyHoursInput = z.output<ReturnType<typeof companyMonthlyHoursSchema>>;

/** A month's hours as saved, and who reported them. */
export type HoursEntry = Omit<MonthHours, 'month'> & { reportedBy: (typeof HOURS_REPORTER_ENTRIES)[number]['code'] };

/** A month's hours: "40 t", "7,5 t". */
const monthHoursText = (hours: number) => `${formatHours(hours, { unit: false })} t`;

const HOURS_FIELDS = [
  { key: 'ordinaryHours', da: 'Ordinære timer' },
  { key: 'internshipHours', da: 'Praktiktimer' },
  { key: 'flexjobHours', da: 'Fleksjobtimer' },
  { key: 'wageSubsidyHours', da: 'Timer med løntilskud' },
] as const;

/** "40 praktiktimer, 0 ordinære timer": the month's entry in a sentence, every kind of hours that is not 0. */
export function describeHoursEntry(entry: HoursEntry): string {
  const parts = HOURS_FIELDS.filter((field) => entry[field.key] !== 0).map((field) => `${field.da.toLowerCase()}: ${monthHoursText(entry[field.key])}`);
  return `${parts.length > 0 ? parts.join(', ') : 'ingen timer'} (oplyst af ${HOURS_REPORTER_LABELS[entry.reportedBy].toLowerCase()})`;
}

/** What a save changed: "Praktiktimer: 40 t → 0 t" per changed field; a first entry lists what was saved. */
export function hoursChanges(before: HoursEntry | null, after: HoursEntry): { label: string; before: string | null; after: string }[] {
  const fields = HOURS_FIELDS.map((field) => ({ label: field.da, before: before ? monthHoursText(before[field.key]) : null, after: monthHoursText(after[field.key]) }));
  const reporter = { label: 'Oplyst af', before: before ? HOURS_REPORTER_LABELS[before.reportedBy] : null, after: HOURS_REPORTER_LABELS[after.reportedBy] };
  return [...fields, reporter].filter((change) => change.before !== change.after && (before !== null || change.after !== monthHoursText(0)));
}

/** The consultant's log of one contact. */
export function followUpSchema({ today }: { today: string }) {
  return z.object({
    contactDate: requiredDate('Skriv datoen for kontakten, fx 2027-03-01.').refine((day) => !isRealDate(day) || day <= today, 'Datoen ligger i fremtiden. Log kontakten, når den har fundet sted.'),
    withWhom: z.enum(WITH_WHOM, { error: 'Vælg, hvem du talte med.' }),
    channel: z.enum(FOLLOW_UP_CHANNELS, { error: 'Vælg, hvordan I talte sammen.' }),
    summary: plainText({ field: 'Referatet', missing: 'Skriv kort, hvad I talte om.', min: 3, max: 2000, lines: true }),
    nextStep: plainText({ field: 'Næste skridt', max: 500 }).optional().default(''),
    /** The planned date this contact holds; empty for an extra contact outside the plan. */
    plannedDate: z.preprocess(emptyToUndefined, z.string().trim().refine(isRealDate, 'Vælg en af de planlagte datoer.').optional()).transform((value) => value ?? null),
  });
}

export type FollowUpInput = z.output<ReturnType<typeof followUpSchema>>;

/** The consultant skips a planned follow-up, with a reason: it then no longer counts as overdue. */
export const skipFollowUpSchema = z.object({
  plannedDate: requiredDate('Vælg den planlagte opfølgning, der springes over.'),
  reason: plainText({ field: 'Begrundelsen', missing: 'Skriv, hvorfor opfølgningen springes over.', min: 3, max: 500, lines: true }),
});

export type SkipFollowUpInput = z.output<typeof skipFollowUpSchema>;

export const endAgreementSchema = z.object({
  endReason: plainText({ field: 'Begrundelsen', missing: 'Skriv, hvorfor aftalen slutter.', min: 3, max: 1000, lines: true }),
});
