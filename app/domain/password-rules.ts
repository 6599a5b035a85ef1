import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 10;

// A short list of the passwords people choose most often (and Danish favourites); longer lists belong in a
// breach-check service, which a later issue may add.
const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '0123456789', 'qwertyuiop', 'password123', 'password12', 'passw0rd123',
  'adgangskode', 'adgangskode1', 'adgangskode123', 'kodeord123', 'kodeord1234', 'sommer2024', 'sommer2025',
  'sommer2026', 'vinter2025', 'vinter2026', 'efterår2026', 'danmark123', 'danmark1234', 'iloveyou12',
  'qwerty1234', 'qwerty12345', 'abcdefghij', 'abc1234567', '1q2w3e4r5t', 'aaaaaaaaaa', '1111111111',
  'jobbro12345', 'jobcenter123', 'velkommen1', 'velkommen12', 'velkommen123', 'hejmeddig1', 'hejmeddig123',
]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(lower);
}

export const newPassword = z
  .string({ error: 'Vælg en adgangskode.' })
  .min(MIN_PASSWORD_LENGTH, `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.`)
  .max(200, 'Adgangskoden må højst være 200 tegn.')
  .refine((password) => !isCommonPassword(password), 'Adgangskoden er for almindelig. Vælg en, der er svær at gætte, fx tre ord i træk.');

export type PasswordProblem = 'missing' | 'tooShort' | 'tooLong' | 'common';

/** What is wrong with a chosen password, as a code the citizen's pages word in their language; null when it will do. */
export function passwordProblem(password: unknown): PasswordProblem | null {
  if (typeof password !== 'string' || password === '') return 'missing';
  const parsed = newPassword.safeParse(password);
  if (parsed.success) return null;
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > 200) return 'tooLong';
  return 'common';
}
