/**
 * The rules of a citizen's profile as a consultant keeps it: what a valid profile holds, read from the
 * consultant's form. Pure: the caller passes today, a postcode lookup and the saved visitation date.
 */
import { z } from 'zod';
import { toIsoDate } from './format';
import { fieldErrorsOf, type FieldErrors } from './form-values';
import { checkbox, codeList, emailAddress, linesOf, phoneNumber, plainText, weeklyHours } from './text-rules';
import {
  ACCOMMODATIONS,
  BENEFIT_STATUSES,
  DEMANDS,
  LANGUAGE_LEVEL_ENTRIES,
  LANGUAGE_LEVEL_LABELS,
  LANGUAGE_LEVELS,
  PATH_PHASES,
  TRANSPORT_MODES,
  type ExclusionReason,
  type LanguageLevel,
  type LanguageSkill,
} from './vocabulary';

export const MAX_COMPETENCES = 30;
export const MAX_LANGUAGES = 15;
export const MIN_REACH_KM = 1;
export const MAX_REACH_KM = 100;
/** A citizen who can work at most 0 hours a week fits no job; the fewest may be 0 (issue 4: hours 0–37). */
export const LEAST_MOST_HOURS = 0.5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const emptyToUndefined = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);


function isRealDate(value: string): boolean {
  try {
    toIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** An optional calendar day from a date field: empty means none (null), anything else must be a real day. */
const optionalDate = (message: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine(isRealDate, message)
      .optional()
      .transform((value) => value ?? null),
  );

const optionalCompanyId = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(UUID, 'Ukendt virksomhed. Vælg fra listen.')
    .optional()
    .transform((value) => value ?? null),
);

const levelByLabel = new Map<string, LanguageLevel>(LANGUAGE_LEVEL_ENTRIES.map((entry) => [entry.da.toLowerCase(), entry.code]));

const LANGUAGE_LINE_MESSAGE = `Skriv sproget og niveauet adskilt af kolon, fx "Engelsk: godt". Niveauet kan være ${LANGUAGE_LEVEL_ENTRIES.map((entry) => entry.da.toLowerCase()).join(', ')}.`;

/** "Engelsk: godt" → { language: 'Engelsk', level: 'good' }. */
export function parseLanguageLine(line: string): LanguageSkill | null {
  const separator = line.lastIndexOf(':');
  if (separator < 0) return null;
  const language = line.slice(0, separator).trim();
  const level = levelByLabel.get(line.slice(separator + 1).trim().toLowerCase());
  if (!language || !level) return null;
  return { language: language.charAt(0).toUpperCase() + language.slice(1), level };
}

/** The line a language is written back into the form as. */
export function languageLine(skill: LanguageSkill): string {
  return `${skill.language}: ${LANGUAGE_LEVEL_LABELS[skill.level].toLowerCase()}`;
}

/** Danish has its own field (danishLevel); a "Dansk" line among the other languages would say it twice. */
export function isDanish(language: string): boolean {
  return /^(dansk|danish)$/i.test(language.trim());
}

/** The languages besides Danish: what "Sprog" lists next to the Danish level (profiles saved before kept Danish there too). */
export function otherLanguages<T extends { language: string }>(languages: readonly T[]): T[] {
  return languages.filter((skill) => !isDanish(skill.language));
}

export const DANISH_LINE_MESSAGE = 'Skriv ikke dansk her. Vælg borgerens niveau i dansk i feltet "Hvor godt taler og forstår borgeren dansk?".';

const languageSkill = plainText({ field: 'Sproget', max: 60 }).transform((line, ctx) => {
  const skill = parseLanguageLine(line);
  if (!skill) {
    ctx.addIssue({ code: 'custom', message: LANGUAGE_LINE_MESSAGE });
    return z.NEVER;
  }
  if (isDanish(skill.language)) {
    ctx.addIssue({ code: 'custom', message: DANISH_LINE_MESSAGE });
    return z.NEVER;
  }
  return skill;
});

export type CitizenContext = {
  /** 'YYYY-MM-DD' */
  today: string;
  postcodeExists: (postcode: string) => boolean;
  /** The visitation date already saved on the profile: an edit may keep it after it has passed. */
  savedFlexjobVisitationUntil?: string | null;
};

/** The consultant's citizen form; the server's answer is the authority. */
export function citizenProfileSchema({ today, postcodeExists, savedFlexjobVisitationUntil = null }: CitizenContext) {
  return z
    .object({
      name: plainText({ field: 'Navnet', missing: 'Skriv borgerens navn.', min: 1, max: 120 }),
      email: z.preprocess(emptyToUndefined, emailAddress.optional()).transform((value) => value ?? null),
      phone: z.preprocess(emptyToUndefined, phoneNumber.optional()).transform((value) => value ?? null),
      postcode: z
        .string({ error: 'Skriv borgerens postnummer.' })
        .trim()
        .regex(/^\d{4}$/, 'Skriv et postnummer med 4 cifre.')
        .refine(postcodeExists, 'Postnummeret findes ikke. Tjek, at det er skrevet rigtigt.'),
      transportMode: z.enum(TRANSPORT_MODES, { error: 'Vælg, hvordan borgeren kommer på arbejde.' }),
      reachKm: z.preprocess(
        (value) => (typeof value === 'string' ? value.trim().replace(',', '.') : value),
        z
          .string()
          .min(1, 'Skriv, hvor mange kilometer borgeren kan rejse.')
          .pipe(z.coerce.number({ error: 'Afstanden skal være et tal.' }))
          .pipe(
            z
              .number()
              .min(MIN_REACH_KM, `Afstanden skal være mindst ${MIN_REACH_KM} km.`)
              .max(MAX_REACH_KM, `Afstanden må højst være ${MAX_REACH_KM} km.`),
          ),
      ),
      benefitStatus: z.enum(BENEFIT_STATUSES, { error: 'Vælg borgerens forsørgelse.' }),
      flexjobVisitationUntil: optionalDate('Skriv en rigtig dato, fx 2027-03-01.'),
      hoursMin: weeklyHours('det mindste antal timer'),
      hoursMax: weeklyHours('det største antal timer'),
      wishes: plainText({ field: 'Ønskerne', max: 1000, lines: true }).optional().default(''),
      competences: z.preprocess(
        linesOf,
        z.array(plainText({ field: 'Kompetencen', max: 200 })).max(MAX_COMPETENCES, `Skriv højst ${MAX_COMPETENCES} kompetencer.`),
      ),
      languages: z.preprocess(linesOf, z.array(languageSkill).max(MAX_LANGUAGES, `Skriv højst ${MAX_LANGUAGES} sprog.`)),
      danishLevel: z.enum(LANGUAGE_LEVELS, { error: 'Vælg, hvor godt borgeren taler dansk.' }),
      drivingLicence: checkbox,
      restrictions: codeList(DEMANDS, 'Ukendt krav. Vælg fra listen.'),
      neededAccommodations: codeList(ACCOMMODATIONS, 'Ukendt hensyn. Vælg fra listen.'),
      healthNotes: plainText({ field: 'Helbredsnoterne', max: 2000, lines: true }).optional().default(''),
      consentToShare: checkbox,
      phase: z.enum(PATH_PHASES, { error: 'Vælg, hvor borgeren er i forløbet.' }),
      nextAction: z.preprocess(emptyToUndefined, plainText({ field: 'Næste handling', max: 200 }).optional()).transform((value) => value ?? null),
      nextActionDate: optionalDate('Skriv en rigtig dato for næste handling, fx 2027-03-01.'),
      excludedEmployerId: optionalCompanyId,
      excludedPartnerCompanyId: optionalCompanyId,
      consultantId: z
        .string({ error: 'Vælg den ansvarlige konsulent.' })
        .regex(UUID, 'Vælg den ansvarlige konsulent fra listen.'),
    })
    .superRefine((citizen, ctx) => {
      if (citizen.hoursMin > citizen.hoursMax) {
        ctx.addIssue({ code: 'custom', path: ['hoursMax'], message: 'Det største antal timer skal være mindst lige så stort som det mindste.' });
      } else if (citizen.hoursMax < LEAST_MOST_HOURS) {
        ctx.addIssue({ code: 'custom', path: ['hoursMax'], message: 'Skriv mindst en halv time som det største antal timer om ugen: ingen job har 0 timer.' });
      }
      if (citizen.benefitStatus === 'flexjob_unemployment') {
        const until = citizen.flexjobVisitationUntil;
        if (until === null) {
          ctx.addIssue({ code: 'custom', path: ['flexjobVisitationUntil'], message: 'Skriv, hvornår fleksjobvisitationen udløber. Den skal være udfyldt ved ledighedsydelse.' });
        } else if (until < today && until !== savedFlexjobVisitationUntil) {
          ctx.addIssue({
            code: 'custom',
            path: ['flexjobVisitationUntil'],
            message: 'Datoen ligger før i dag, så visitationen er udløbet. Skriv den nye dato, hvis visitationen er forlænget, eller vælg en anden forsørgelse.',
          });
        }
      }
    })
    .transform(({ excludedEmployerId, excludedPartnerCompanyId, ...citizen }) => ({
      ...citizen,
      excludedCompanies: excludedCompaniesOf(excludedEmployerId, excludedPartnerCompanyId),
    }));
}

/** One row per company; a former employer owned by the partner is recorded as the former employer. */
function excludedCompaniesOf(employerId: string | null, partnerCompanyId: string | null) {
  const excluded: { companyId: string; reason: ExclusionReason }[] = [];
  if (employerId) excluded.push({ companyId: employerId, reason: 'most_recent_employer' });
  if (partnerCompanyId && partnerCompanyId !== employerId) excluded.push({ companyId: partnerCompanyId, reason: 'owned_by_partner' });
  return excluded;
}

export type CitizenProfileInput = z.output<ReturnType<typeof citizenProfileSchema>>;

/** The form fields that repeat (checkbox groups). */
export const CITIZEN_LIST_FIELDS = ['restrictions', 'neededAccommodations'] as const;

/** The fields written one item per line. */
const LINE_FIELDS: readonly PropertyKey[] = ['competences', 'languages'];

/**
 * The first message per form field. A message about one line of a list ("competences.2") belongs at the
 * list's field and says which line.
 */
export function citizenFieldErrors(error: z.ZodError): FieldErrors {
  return fieldErrorsOf(error, { lineFields: LINE_FIELDS });
}
