/**
 * The rule for a password someone chooses (ASVS 4.0 level 2, V2.1): at least 12 characters, at most 200, and
 * not one that attackers try first. "Tried first" is the list of about 49,000 passwords most common in
 * breaches that @zxcvbn-ts/language-common ships (docs/decisions/020-common-passwords.md), kept on this
 * machine (no network), plus the Danish words such lists miss. A listed password with digits or signs
 * before or after ("sunshine2026!", "123dragon") or repeated ("monkeymonkey") is as easy to guess, so it counts too.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** The Danish passwords and words people build them from, which an English-speaking breach list misses. */
const DANISH_FAVOURITES = [
  'adgangskode', 'kodeord', 'password', 'hemmelig', 'velkommen', 'hejmeddig', 'hejhej', 'sommer', 'vinter', 'foraar',
  'forår', 'efteraar', 'efterår', 'danmark', 'denmark', 'københavn', 'kobenhavn', 'aarhus', 'århus', 'odense', 'aalborg',
  'jobbro', 'jobcenter', 'jobcentret', 'kommune', 'fleksjob', 'skånejob', 'elskerdig', 'jegelskerdig', 'kærlighed',
  'fodbold', 'brøndby', 'brondby', 'fckobenhavn', 'agf', 'qwertyuiopå', 'asdfghjklæø',
];

let commonPasswords: Set<string> | undefined;

/** Built on first use, so that a page which only shows the length rule does not pay for the list. */
function commonPasswordSet(): Set<string> {
  commonPasswords ??= new Set([...dictionary['passwords-common'], ...DANISH_FAVOURITES].map((password) => password.toLowerCase()));
  return commonPasswords;
}

/** "abcabcabc" → "abc": the shortest part the whole is a repetition of. */
function repeatedUnit(text: string): string {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return text.slice(0, size);
  }
  return text;
}

export function isCommonPassword(password: string): boolean {
  const common = commonPasswordSet();
  const lower = password.toLowerCase();
  // What is left after digits, signs and spaces at either end: "Sommer2026!" → "sommer".
  const core = lower.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  const candidates = [lower, core, repeatedUnit(lower), repeatedUnit(core)].filter((candidate) => candidate !== '');
  // "zzzzzzzzzzzz" and "abcabcabcabc" are long only by repeating two or three keys.
  return candidates.some((candidate) => common.has(candidate)) || repeatedUnit(lower).length <= 3;
}

export type PasswordProblem = 'missing' | 'tooShort' | 'tooLong' | 'common';

/** What is wrong with a chosen password, as a code each page words in its language; null when it will do. */
export function passwordProblem(password: unknown): PasswordProblem | null {
  if (typeof password !== 'string' || password === '') return 'missing';
  // Characters as a person counts them: "æ" and an emoji are one each.
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  if (isCommonPassword(password)) return 'common';
  return null;
}

/** The Danish words for each problem: the Danish-only forms below and the Danish dictionary (app/i18n/texts.ts). */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  missing: 'Vælg en adgangskode.',
  tooShort: `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn. Tre-fire ord i træk er lette at huske og svære at gætte.`,
  tooLong: `Adgangskoden må højst være ${MAX_PASSWORD_LENGTH} tegn.`,
  common: 'Adgangskoden er for almindelig. Den står på listerne over kodeord, som bliver prøvet først. Vælg en, der er svær at gætte, fx tre ord i træk.',
};

/** The hint under every field where a password is chosen. */
export const PASSWORD_HINT = `Mindst ${MIN_PASSWORD_LENGTH} tegn. Brug gerne tre ord i træk, fx "grøn-kaffe-cykel".`;

/**
 * A new password in a zod schema (company sign-up, a colleague's invitation, "Skift adgangskode"). Marked pure
 * so that the browser bundle, which imports this module only for the words and lengths above (texts.ts),
 * leaves the schema and with it the 49,000 passwords out.
 */
export const newPassword = /* @__PURE__ */ z
  .unknown()
  .superRefine((password, context) => {
    const problem = passwordProblem(password);
    if (problem) context.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_MESSAGES[problem] });
  })
  .transform((password) => password as string);
