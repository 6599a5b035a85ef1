/**
 * The rules of an opening: what a valid one holds, how its status may move, and the warning about the
 * number of skånejob at a company. Pure: the caller passes today and a postcode lookup.
 */
import { z } from 'zod';
import { findDiscriminatoryWording, wordingMessage } from './fair-wording';
import { checkbox, codeList, emailAddress, linesOf, phoneNumber, plainText, weeklyHours } from './text-rules';
import {
  ACCOMMODATIONS,
  DAY_PARTS,
  DEMANDS,
  OPENING_KINDS,
  WEEKDAYS,
  type OpeningStatus,
} from './vocabulary';

export const MAX_TASKS = 15;
export const MAX_SLOTS = 20;

type OpeningContext = { today: string; postcodeExists: (postcode: string) => boolean };


/**
 * The free-text fields of an opening, with the labels the form shows. Each is checked for discriminating
 * wording, on save in the schema below and before a saved opening becomes visible (`openingWordingProblems`).
 * The contact person's name is a name: only phrases count there, not single words that may be a name.
 */
export const OPENING_TEXT_FIELDS = {
  title: 'Titel',
  description: 'Beskrivelse',
  tasks: 'Opgaver',
  scheduleNote: 'Bemærkning om arbejdstiden',
  languageNeeds: 'Krav til sprog',
  contactName: 'Kontaktpersonens navn',
  contactRole: 'Kontaktpersonens rolle',
} as const;
export type OpeningTextField = keyof typeof OPENING_TEXT_FIELDS;

const isName = (field: OpeningTextField) => field === 'contactName';

function wordingProblem(field: OpeningTextField, text: string): string | null {
  return wordingMessage(findDiscriminatoryWording(text, { properName: isName(field) }));
}

/** A refinement that refuses discriminating wording at the field, alongside the field's other checks. */
const fairWording =
  (field: OpeningTextField) =>
  (value: string | string[], ctx: z.RefinementCtx) => {
    const message = wordingProblem(field, Array.isArray(value) ? value.join('\n') : value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };

/** The messages per field for a saved opening's texts: what stops it from being published or reopened. */
export function openingWordingProblems(texts: Record<OpeningTextField, string | string[]>): Partial<Record<OpeningTextField, string>> {
  const problems: Partial<Record<OpeningTextField, string>> = {};
  for (const field of Object.keys(OPENING_TEXT_FIELDS) as OpeningTextField[]) {
    const value = texts[field];
    const message = wordingProblem(field, Array.isArray(value) ? value.join('\n') : value);
    if (message) problems[field] = message;
  }
  return problems;
}

/** An opening's hourly wage: above 0 and at most this (the benefit calculator's ceiling too). */
export const MAX_OPENING_HOURLY_WAGE = 1000;
const WAGE_MESSAGE = `Skriv timelønnen i kroner, over 0 og højst ${MAX_OPENING_HOURLY_WAGE.toLocaleString('da-DK')} kr., fx 145,50.`;
const optionalHourlyWage = z.preprocess(
  (value) => (value === '' || value === undefined || value === null ? undefined : typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value),
  z.number({ error: WAGE_MESSAGE }).finite(WAGE_MESSAGE).gt(0, WAGE_MESSAGE).max(MAX_OPENING_HOURLY_WAGE, WAGE_MESSAGE).optional(),
);
const optionalAgreement = z.preprocess(
  (value) => (value === null ? undefined : value),
  plainText({ field: 'Overenskomstens navn', max: 120 }).optional().default(''),
);

// The API answers null for an opening without expected hours, so the same null comes back on a PUT.
const optionalHours = z.preprocess((value) => (value === '' || value === undefined || value === null ? undefined : value), weeklyHours('de forventede timer').optional());

/** The opening form and the API share this schema; the server's answer is the authority. */
export function openingInputSchema({ today, postcodeExists }: OpeningContext) {
  return z
    .object({
      kind: z.enum(OPENING_KINDS, { error: 'Vælg, hvilken slags job det er.' }),
      title: plainText({ field: 'Titlen', missing: 'Skriv en titel.', min: 3, max: 120 }).superRefine(fairWording('title')),
      description: plainText({ field: 'Beskrivelsen', missing: 'Skriv en beskrivelse.', min: 10, max: 4000, lines: true }).superRefine(fairWording('description')),
      tasks: z.preprocess(
        linesOf,
        z
          .array(plainText({ field: 'Opgaven', min: 2, max: 200 }))
          .min(1, 'Skriv mindst én opgave (én pr. linje).')
          .max(MAX_TASKS, `Skriv højst ${MAX_TASKS} opgaver.`)
          .superRefine(fairWording('tasks')),
      ),
      hoursMin: weeklyHours('det mindste antal timer'),
      hoursMax: weeklyHours('det største antal timer'),
      flexjobExpectedHours: optionalHours,
      days: codeList(WEEKDAYS, 'Ukendt ugedag.'),
      parts: codeList(DAY_PARTS, 'Ukendt tid på dagen.'),
      scheduleNote: plainText({ field: 'Bemærkningen om arbejdstiden', max: 200 }).superRefine(fairWording('scheduleNote')).optional().default(''),
      startDate: z.iso.date('Skriv en startdato, fx 2027-03-01.').refine((date) => date >= today, 'Startdatoen må ikke ligge før i dag.'),
      slots: z.coerce
        .number({ error: 'Skriv antal pladser som et tal.' })
        .int('Skriv antal pladser som et helt tal.')
        .min(1, 'Der skal være mindst én plads.')
        .max(MAX_SLOTS, `Højst ${MAX_SLOTS} pladser pr. opslag.`),
      postcode: z
        .string({ error: 'Skriv et postnummer med 4 cifre.' })
        .trim()
        .regex(/^\d{4}$/, 'Skriv et postnummer med 4 cifre.')
        .refine(postcodeExists, 'Postnummeret findes ikke. Tjek, at det er skrevet rigtigt.'),
      demands: codeList(DEMANDS, 'Ukendt krav. Vælg fra listen.'),
      accommodations: codeList(ACCOMMODATIONS, 'Ukendt hensyn. Vælg fra listen.'),
      languageNeeds: plainText({ field: 'Sprogkravene', max: 500 }).superRefine(fairWording('languageNeeds')).optional().default(''),
      drivingLicenceRequired: checkbox,
      hourlyWage: optionalHourlyWage,
      wageAgreement: optionalAgreement,
      contactName: plainText({ field: 'Kontaktpersonens navn', missing: 'Skriv kontaktpersonens navn.', min: 2, max: 120 }).superRefine(fairWording('contactName')),
      contactRole: plainText({ field: 'Kontaktpersonens rolle', missing: 'Skriv kontaktpersonens rolle, fx køkkenleder.', min: 2, max: 120 }).superRefine(fairWording('contactRole')),
      contactPhone: phoneNumber,
      contactEmail: emailAddress,
    })
    .superRefine((opening, ctx) => {
      if (opening.hoursMin > opening.hoursMax) {
        ctx.addIssue({ code: 'custom', path: ['hoursMax'], message: 'Det største antal timer skal være mindst lige så stort som det mindste.' });
      }
      const lowest = opening.kind === 'flexjob' ? 1 : 0.5;
      if (opening.hoursMin < lowest) {
        ctx.addIssue({ code: 'custom', path: ['hoursMin'], message: `Skriv mindst ${lowest.toLocaleString('da-DK')} time om ugen.` });
      }
      if (opening.kind === 'flexjob') {
        const expected = opening.flexjobExpectedHours;
        if (expected === undefined) {
          ctx.addIssue({ code: 'custom', path: ['flexjobExpectedHours'], message: 'Skriv, hvor mange timer om ugen fleksjobbet forventes at have.' });
        } else if (expected < opening.hoursMin || expected > opening.hoursMax) {
          ctx.addIssue({ code: 'custom', path: ['flexjobExpectedHours'], message: 'De forventede timer skal ligge inden for timeintervallet.' });
        }
      }
    })
    .transform(({ days, parts, scheduleNote, ...opening }) => ({
      ...opening,
      flexjobExpectedHours: opening.kind === 'flexjob' ? (opening.flexjobExpectedHours ?? null) : null,
      hourlyWage: opening.hourlyWage ?? null,
      wageAgreement: opening.wageAgreement === '' ? null : opening.wageAgreement,
      schedule: { days, parts, ...(scheduleNote ? { note: scheduleNote } : {}) },
    }));
}

export type OpeningInput = z.output<ReturnType<typeof openingInputSchema>>;

export const OPENING_ACTIONS = ['publish', 'pause', 'reopen', 'markFilled', 'close'] as const;
export type OpeningAction = (typeof OPENING_ACTIONS)[number];

/** What the company is told after each status change: what it means for who can find the job. */
export const OPENING_ACTION_DONE: Record<OpeningAction, string> = {
  publish: 'Jobopslaget er offentliggjort. Om få sekunder kan borgerne finde det under Find job.',
  pause: 'Jobopslaget er sat på pause. Det vises ikke i søgningen, før I åbner det igen.',
  reopen: 'Jobopslaget er åbnet igen. Om få sekunder vises det i søgningen.',
  markFilled: 'Jobopslaget er markeret som besat og vises ikke længere i søgningen.',
  close: 'Jobopslaget er lukket og vises ikke længere i søgningen.',
};

/** The action named in a URL (`?status=pause`), or null. */
export function openingActionOf(value: string | null): OpeningAction | null {
  return (OPENING_ACTIONS as readonly string[]).includes(value ?? '') ? (value as OpeningAction) : null;
}

const TRANSITIONS: Record<OpeningAction, { from: OpeningStatus[]; to: OpeningStatus }> = {
  publish: { from: ['draft'], to: 'open' },
  pause: { from: ['open'], to: 'paused' },
  reopen: { from: ['paused', 'filled', 'closed'], to: 'open' },
  markFilled: { from: ['open', 'paused'], to: 'filled' },
  close: { from: ['draft', 'open', 'paused', 'filled'], to: 'closed' },
};

/** The status an action leads to, or null when the action does not apply to the current status. */
export function nextOpeningStatus(current: OpeningStatus, action: OpeningAction): OpeningStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

/** Open with all slots taken by agreements becomes filled; filled with a slot freed opens again. */
export function statusAfterSlotChange(current: OpeningStatus, slots: number, takenSlots: number): OpeningStatus {
  if (current === 'open' && takenSlots >= slots) return 'filled';
  if (current === 'filled' && takenSlots < slots) return 'open';
  return current;
}

/** About one skånejob per five ordinary employees (the Aarhus strategy's rule of thumb). */
export const ORDINARY_EMPLOYEES_PER_SHELTERED_JOB = 5;

/**
 * The one home of the rule of thumb, said wherever a skånejob slot is created or filled: the company's opening
 * form and API, the consultant's jobordre and agreements. A warning, not a refusal: the jobcentre judges the
 * workplace. `subsidisedPeople` are those the company already has in skånejob or fleksjob (agreements that hold
 * a slot); `adding` the slots about to be created or filled. Null while they stay within the rule.
 */
export function shelteredJobRatioWarning(ordinaryEmployees: number, subsidisedPeople: number, adding = 1): string | null {
  const roomFor = Math.floor(ordinaryEmployees / ORDINARY_EMPLOYEES_PER_SHELTERED_JOB);
  if (adding < 1 || subsidisedPeople + adding <= roomFor) return null;
  const employees =
    ordinaryEmployees === 0 ? 'ingen ordinært ansatte' : ordinaryEmployees === 1 ? '1 ordinært ansat' : `${ordinaryEmployees} ordinært ansatte`;
  const held = subsidisedPeople === 0 ? 'ingen i skånejob eller fleksjob' : `${subsidisedPeople} i skånejob eller fleksjob`;
  const room = roomFor === 0 ? 'er der ikke plads til et skånejob' : `er der plads til omkring ${roomFor === 1 ? 'ét' : roomFor}`;
  const total = subsidisedPeople + adding;
  return (
    `Virksomheden har ${employees} og ${held}. Tommelfingerreglen er omkring ét skånejob pr. fem ordinært ansatte, så efter den ${room}. ` +
    `Med ${adding === 1 ? 'én' : adding} til bliver det ${total}. Vurdér, om der er kolleger nok til at tage godt imod ${total === 1 ? 'den nye' : 'dem'}.`
  );
}

/**
 * An opening's places as the company's list says them: "1 ledig plads", "1 af 3 besat", "Besat", not a bare
 * "0 af 1" under the heading "Aftaler". `taken` counts the agreements that hold a place.
 */
export function placesText(taken: number, slots: number): string {
  if (taken >= slots) return slots === 1 ? 'Besat' : `Alle ${slots} besat`;
  if (taken === 0) return slots === 1 ? '1 ledig plads' : `${slots} ledige pladser`;
  return `${taken} af ${slots} besat`;
}

export type OpeningContact = { contactName: string; contactRole: string; contactPhone: string; contactEmail: string };

/**
 * A new opening's form starts from what the company has already told: the workplace's postcode, and the
 * contact person of its latest opening; without one, the person posting (a company user: their name and
 * e-mail) with the company's phone. The company can change every field.
 */
export function newOpeningDefaults({
  company,
  latestContact,
  poster,
}: {
  company: { postcode: string; phone: string; email: string };
  latestContact: OpeningContact | null;
  poster: { name: string; email: string } | null;
}): Record<string, string> {
  const contact: OpeningContact = latestContact ?? {
    contactName: poster?.name ?? '',
    contactRole: '',
    contactPhone: company.phone,
    contactEmail: poster?.email ?? company.email,
  };
  return { postcode: company.postcode, ...contact };
}
