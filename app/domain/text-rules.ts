import { z } from 'zod';
import { MAX_WEEKLY_HOURS } from './vocabulary';

/** Text fields are plain text: markup is refused rather than silently stripped, so nothing changes unseen. */
const HTML_LIKE = /<\/?[a-zA-Z!][^>]*>|<[a-zA-Z]/;

export const HTML_MESSAGE = 'Teksten må ikke indeholde HTML-koder. Fjern tegnene < og >.';

/**
 * Characters no text field takes: control characters (C0, DEL and C1), which nobody types and which break
 * what reads the text later (PostgreSQL refuses NUL; a CR or LF in a name starts a new property in a
 * consultant's calendar file); lone halves of surrogate pairs, which are no text at all; and the bidi
 * overrides and isolates that make a name read otherwise than it is written ("Trojan Source"). Line
 * separators count as line breaks. A field with lines (a textarea) keeps its line breaks and tabs.
 */
const NOT_IN_A_LINE = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const NOT_IN_LINES = /[^\P{Cc}\t\n\r]|[\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/** Whether the text holds a character that `NOT_IN_A_LINE`/`NOT_IN_LINES` refuses; the one rule every text input meets. */
export function hasControlCharacters(value: string, { lines = false }: { lines?: boolean } = {}): boolean {
  return (lines ? NOT_IN_LINES : NOT_IN_A_LINE).test(value);
}

export function controlCharacterMessage(field: string, { lines = false }: { lines?: boolean } = {}): string {
  return lines
    ? `${field} indeholder et usynligt styretegn, som ikke kan gemmes. Skriv teksten igen, eller indsæt den som ren tekst.`
    : `${field} skal stå på én linje uden tabulatorer eller andre usynlige styretegn. Skriv teksten igen på én linje.`;
}

/**
 * A plain-text field. `field` names it in the definite form ("Beskrivelsen"), `missing` says what to do
 * when it is empty ("Skriv en beskrivelse."). Only a field shown as a textarea takes `lines`.
 */
export function plainText(options: { field: string; missing?: string; min?: number; max: number; lines?: boolean }) {
  const { field, min = 0, max, lines = false } = options;
  const missing = options.missing ?? `Udfyld ${field.toLowerCase()}.`;
  return z
    .string({ error: missing })
    .trim()
    // An empty field is missing, whatever the least length: the first message a field gets is the one shown.
    .min(Math.min(min, 1), missing)
    .min(min, min <= 1 ? missing : `${field} skal være mindst ${min} tegn.`)
    .max(max, `${field} må højst være ${max.toLocaleString('da-DK')} tegn.`)
    .refine((value) => !hasControlCharacters(value, { lines }), controlCharacterMessage(field, { lines }))
    .refine((value) => !HTML_LIKE.test(value), HTML_MESSAGE);
}

const PHONE_MESSAGE = 'Skriv et telefonnummer med 8 cifre, fx 86 12 34 56.';
const EMAIL_MESSAGE = 'Skriv en gyldig e-mailadresse, fx navn@firma.dk.';

// A field left out of a JSON body (the API) gets the same Danish message as an empty form field, not zod's English.
export const phoneNumber = z
  .string({ error: PHONE_MESSAGE })
  .trim()
  .regex(/^\+?[0-9 ]{8,15}$/, PHONE_MESSAGE);

export const emailAddress = z
  .string({ error: EMAIL_MESSAGE })
  .trim()
  .toLowerCase()
  .max(254, 'E-mailadressen er for lang.')
  .pipe(z.email(EMAIL_MESSAGE));

/** Weekly hours from a form field; Danish decimal comma accepted ("7,5"). `label` is lower case ("det mindste antal timer"). */
export const weeklyHours = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().replace(',', '.') : typeof value === 'number' ? String(value) : value),
    z
      .string({ error: `Skriv ${label}.` })
      .min(1, `Skriv ${label}.`)
      .pipe(z.coerce.number({ error: `${label.charAt(0).toUpperCase()}${label.slice(1)} skal være et tal.` }))
      .pipe(z.number().min(0, 'Timetallet kan ikke være negativt.').max(MAX_WEEKLY_HOURS, `Højst ${MAX_WEEKLY_HOURS} timer om ugen.`)),
  );

/** Splits a textarea with one item per line into a trimmed list without empty lines. */
export function linesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).map((line) => line.trim()).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A list of vocabulary codes from checkboxes (none, one or many values); an unknown code gets `message`. */
export const codeList = <T extends readonly [string, ...string[]]>(codes: T, message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(codes, { error: message })),
  );

/** A checkbox: "on" from a form, true from JSON. */
export const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/**
 * Text a mail program would turn into a link: a scheme ("https://", "mailto:"), "www.", or a domain-looking
 * word (letters or digits, a dot, then two or more letters: "tilbud.dk", "billig.example.com"). Names end up
 * in mails to people who never asked for them (an invitation, a sign-up), so a name must not be able to
 * carry a link there. An abbreviation keeps its space after the dot ("A/S Dr. Jensen"), which does not count.
 */
const LINK_LIKE = /:\/\/|\bmailto:|\bwww\.|[\p{L}\p{N}-]\.\p{L}{2,}(?![\p{L}\p{N}])/iu;

export function looksLikeLink(text: string): boolean {
  return LINK_LIKE.test(text);
}

export const LINK_MESSAGE = 'Navnet må ikke ligne en webadresse (fx www.… eller navn.dk). Er det en forkortelse, så sæt et mellemrum efter punktummet.';

/** A person's or an organisation's name: plain text that cannot look like a link (see `looksLikeLink`). */
export function nameText(options: { field: string; missing?: string; min?: number; max: number }) {
  return plainText(options).refine((value) => !looksLikeLink(value), LINK_MESSAGE);
}

/**
 * A name as a mail may say it: on one line, and replaced by `fallback` when it looks like a link (a name
 * saved before the rule above, or typed where the rule does not reach), so no mail carries someone's link.
 */
export function nameForMail(name: string, fallback: string): string {
  const oneLine = name.replace(/\s+/g, ' ').trim();
  return oneLine === '' || looksLikeLink(oneLine) ? fallback : oneLine;
}
