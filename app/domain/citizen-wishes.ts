/**
 * What a citizen may change about themselves on "Mine ønsker": their job wishes, what they can (their
 * competences, one per line, the same list the consultant keeps), weekly hours, where they live and how far
 * they can travel, and the accommodations they need. Restrictions, benefit, visitation and health notes stay
 * the consultant's: the schema has no field for them, so a form that sends them changes nothing. Messages come in the citizen's language; the server is the authority.
 */
import { z } from 'zod';
import { LEAST_MOST_HOURS, MAX_COMPETENCES, MAX_REACH_KM, MIN_REACH_KM } from './citizen-rules';
import { codeList, hasControlCharacters, linesOf } from './text-rules';
import { ACCOMMODATIONS, MAX_WEEKLY_HOURS, TRANSPORT_MODES } from './vocabulary';

export const MAX_WISHES_LENGTH = 1000;
/** As on the consultant's form (citizen-rules.ts). */
export const MAX_COMPETENCE_LENGTH = 200;

/** The same test as the consultant's forms: markup is refused, not stripped, so nothing changes unseen. */
const HTML_LIKE = /<\/?[a-zA-Z!][^>]*>|<[a-zA-Z]/;

type WishMessages = {
  html: string;
  controlCharacters: string;
  wishesTooLong: string;
  competencesTooMany: string;
  competenceTooLong: (line: number) => string;
  competenceNotPlain: (line: number) => string;
  hoursMissing: (which: 'min' | 'max') => string;
  hoursNotNumber: string;
  hoursNegative: string;
  hoursTooMany: string;
  hoursOrder: string;
  hoursNone: string;
  postcodeMissing: string;
  postcodeFormat: string;
  postcodeUnknown: string;
  transport: string;
  reachMissing: string;
  reachNotNumber: string;
  reachTooShort: string;
  reachTooLong: string;
  accommodationUnknown: string;
};

export const WISH_MESSAGES: Record<'da' | 'en', WishMessages> = {
  da: {
    html: 'Teksten må ikke indeholde HTML-koder. Fjern tegnene < og >.',
    controlCharacters: 'Dine ønsker indeholder et usynligt styretegn, som ikke kan gemmes. Skriv teksten igen, eller indsæt den som ren tekst.',
    wishesTooLong: `Dine ønsker må højst være ${MAX_WISHES_LENGTH.toLocaleString('da-DK')} tegn.`,
    competencesTooMany: `Skriv højst ${MAX_COMPETENCES} ting, du kan. Saml nogle af dem på én linje.`,
    competenceTooLong: (line) => `Linje ${line} er for lang. Skriv højst ${MAX_COMPETENCE_LENGTH} tegn på hver linje.`,
    competenceNotPlain: (line) => `Linje ${line} indeholder HTML-koder eller usynlige styretegn. Skriv den igen som almindelig tekst.`,
    hoursMissing: (which) => (which === 'min' ? 'Skriv, hvor mange timer du mindst vil arbejde om ugen.' : 'Skriv, hvor mange timer du højst vil arbejde om ugen.'),
    hoursNotNumber: 'Skriv timerne som et tal, fx 5 eller 7,5.',
    hoursNegative: 'Timetallet kan ikke være negativt.',
    hoursTooMany: `Du kan højst skrive ${MAX_WEEKLY_HOURS} timer om ugen.`,
    hoursOrder: 'Det højeste antal timer skal være mindst lige så stort som det mindste.',
    hoursNone: 'Skriv mindst en halv time som det højeste antal timer om ugen. Et job har altid nogle timer.',
    postcodeMissing: 'Skriv dit postnummer.',
    postcodeFormat: 'Skriv et postnummer med 4 cifre, fx 8000.',
    postcodeUnknown: 'Postnummeret findes ikke. Tjek, at det er skrevet rigtigt.',
    transport: 'Vælg, hvordan du kommer på arbejde.',
    reachMissing: 'Skriv, hvor mange kilometer du kan rejse.',
    reachNotNumber: 'Skriv afstanden som et tal, fx 10.',
    reachTooShort: `Afstanden skal være mindst ${MIN_REACH_KM} km.`,
    reachTooLong: `Afstanden må højst være ${MAX_REACH_KM} km.`,
    accommodationUnknown: 'Vælg fra listen.',
  },
  en: {
    html: 'The text must not contain HTML code. Remove the characters < and >.',
    controlCharacters: 'Your wishes contain an invisible control character that cannot be saved. Type the text again, or paste it as plain text.',
    wishesTooLong: `Your wishes can be at most ${MAX_WISHES_LENGTH.toLocaleString('en-GB')} characters.`,
    competencesTooMany: `Write at most ${MAX_COMPETENCES} things you can do. Put some of them on one line.`,
    competenceTooLong: (line) => `Line ${line} is too long. Write at most ${MAX_COMPETENCE_LENGTH} characters on each line.`,
    competenceNotPlain: (line) => `Line ${line} contains HTML code or invisible control characters. Type it again as plain text.`,
    hoursMissing: (which) => (which === 'min' ? 'Write the fewest hours you want to work a week.' : 'Write the most hours you want to work a week.'),
    hoursNotNumber: 'Write the hours as a number, for example 5 or 7.5.',
    hoursNegative: 'The hours cannot be negative.',
    hoursTooMany: `You can write at most ${MAX_WEEKLY_HOURS} hours a week.`,
    hoursOrder: 'The most hours must be at least as many as the fewest.',
    hoursNone: 'Write at least half an hour as the most hours a week. A job always has some hours.',
    postcodeMissing: 'Write your postcode.',
    postcodeFormat: 'Write a postcode with 4 digits, for example 8000.',
    postcodeUnknown: 'The postcode does not exist. Check that it is written correctly.',
    transport: 'Choose how you get to work.',
    reachMissing: 'Write how many kilometres you can travel.',
    reachNotNumber: 'Write the distance as a number, for example 10.',
    reachTooShort: `The distance must be at least ${MIN_REACH_KM} km.`,
    reachTooLong: `The distance can be at most ${MAX_REACH_KM} km.`,
    accommodationUnknown: 'Choose from the list.',
  },
};

/** Danish decimal comma accepted ("7,5"), as everywhere in the portal. */
const decimal = (value: unknown) => (typeof value === 'string' ? value.trim().replace(',', '.') : value);

function hours(which: 'min' | 'max', m: WishMessages) {
  return z.preprocess(
    decimal,
    z
      .string({ error: m.hoursMissing(which) })
      .min(1, m.hoursMissing(which))
      .pipe(z.coerce.number({ error: m.hoursNotNumber }))
      .pipe(z.number({ error: m.hoursNotNumber }).min(0, m.hoursNegative).max(MAX_WEEKLY_HOURS, m.hoursTooMany)),
  );
}

export function citizenWishesSchema({ language, postcodeExists }: { language: 'da' | 'en'; postcodeExists: (postcode: string) => boolean }) {
  const m = WISH_MESSAGES[language];
  return z
    .object({
      wishes: z
        .string()
        .optional()
        .default('')
        .transform((value) => value.trim())
        .pipe(
          z
            .string()
            .max(MAX_WISHES_LENGTH, m.wishesTooLong)
            .refine((value) => !hasControlCharacters(value, { lines: true }), m.controlCharacters)
            .refine((value) => !HTML_LIKE.test(value), m.html),
        ),
      competences: z.preprocess(
        linesOf,
        z.array(z.string()).superRefine((lines, ctx) => {
          if (lines.length > MAX_COMPETENCES) ctx.addIssue({ code: 'custom', message: m.competencesTooMany });
          lines.forEach((line, index) => {
            if (line.length > MAX_COMPETENCE_LENGTH) ctx.addIssue({ code: 'custom', path: [index], message: m.competenceTooLong(index + 1) });
            else if (hasControlCharacters(line) || HTML_LIKE.test(line)) ctx.addIssue({ code: 'custom', path: [index], message: m.competenceNotPlain(index + 1) });
          });
        }),
      ),
      hoursMin: hours('min', m),
      hoursMax: hours('max', m),
      postcode: z
        .string({ error: m.postcodeMissing })
        .trim()
        .min(1, m.postcodeMissing)
        .regex(/^\d{4}$/, m.postcodeFormat)
        .refine(postcodeExists, m.postcodeUnknown),
      transportMode: z.enum(TRANSPORT_MODES, { error: m.transport }),
      reachKm: z.preprocess(
        decimal,
        z
          .string({ error: m.reachMissing })
          .min(1, m.reachMissing)
          .pipe(z.coerce.number({ error: m.reachNotNumber }))
          .pipe(z.number({ error: m.reachNotNumber }).min(MIN_REACH_KM, m.reachTooShort).max(MAX_REACH_KM, m.reachTooLong)),
      ),
      neededAccommodations: codeList(ACCOMMODATIONS, m.accommodationUnknown),
    })
    .superRefine((value, ctx) => {
      if (value.hoursMin > value.hoursMax) ctx.addIssue({ code: 'custom', path: ['hoursMax'], message: m.hoursOrder });
      else if (value.hoursMax < LEAST_MOST_HOURS) ctx.addIssue({ code: 'custom', path: ['hoursMax'], message: m.hoursNone });
    });
}

export type CitizenWishesInput = z.output<ReturnType<typeof citizenWishesSchema>>;

/** The form fields that repeat (checkbox groups). */
export const WISH_LIST_FIELDS = ['neededAccommodations'] as const;
