/**
 * CVR numbers (the Danish company register): eight digits, the first not 0, whose digits weighted
 * 2, 7, 6, 5, 4, 3, 2, 1 sum to a multiple of 11 (the modulus-11 check).
 */

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;
const CVR_PATTERN = /^[1-9]\d{7}$/;
const CVR_SEED_PATTERN = /^[1-9]\d{6}$/;

/** Removes the spaces people type for readability ("12 34 56 78"). */
export function normalizeCvr(value: string): string {
  return value.replace(/\s+/g, '');
}

function weightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (CVR_WEIGHTS[i] ?? 0);
  return sum;
}

export function isValidCvr(value: string): boolean {
  const cvr = normalizeCvr(value);
  return CVR_PATTERN.test(cvr) && weightedSum(cvr) % 11 === 0;
}

/**
 * The valid CVR that starts with these seven digits, or null when none does: the check digit has weight 1,
 * so it must be (11 − sum mod 11) mod 11, and a required 10 is not a digit. Also null for a seed that is not
 * seven digits with a non-zero first digit.
 */
export function makeValidCvr(seedDigits7: string): string | null {
  if (!CVR_SEED_PATTERN.test(seedDigits7)) return null;
  const checkDigit = (11 - (weightedSum(seedDigits7) % 11)) % 11;
  return checkDigit === 10 ? null : `${seedDigits7}${checkDigit}`;
}

/**
 * What is wrong with a typed CVR number, said so that the person can fix it, or null when it is valid: the
 * message names what was typed (7 digits, a letter, a leading 0), and a number of the right shape whose check
 * digit fails is told as a typing error, since eight digits were typed.
 */
export function cvrProblem(value: string): string | null {
  const cvr = normalizeCvr(value);
  if (cvr === '') return 'Skriv virksomhedens CVR-nummer.';
  if (!/^\d+$/.test(cvr)) return 'Et CVR-nummer har kun tal. Skriv de 8 cifre uden bogstaver og tegn.';
  if (cvr.length !== 8) return `Et CVR-nummer har 8 cifre. Du har skrevet ${cvr.length}.`;
  if (cvr.startsWith('0')) return 'Et CVR-nummer begynder ikke med 0. Tjek, at du har skrevet det rigtigt.';
  if (!isValidCvr(cvr)) {
    return 'Der findes ikke et CVR-nummer med de 8 cifre. Måske er et ciffer skrevet forkert. Du kan finde nummeret på datacvr.virk.dk.';
  }
  return null;
}
