import { describe, expect, it } from 'vitest';
import { cvrProblem, isValidCvr, makeValidCvr, normalizeCvr } from '../../app/domain/cvr';

// 1·2 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 106; 106 + 4 = 110 = 10·11.
const VALID = '12345674';

describe('isValidCvr', () => {
  it('accepts eight digits whose weighted sum is a multiple of 11', () => {
    expect(isValidCvr(VALID)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    for (const last of ['0', '1', '2', '3', '5', '6', '7', '8', '9']) expect(isValidCvr(`1234567${last}`)).toBe(false);
  });

  it('accepts the spaces people type, and spaces around it', () => {
    expect(isValidCvr('12 34 56 74')).toBe(true);
    expect(isValidCvr(' 12345674 ')).toBe(true);
  });

  it('rejects a first digit 0 even when the sum checks out', () => {
    // 0·2 + 1·7 + 2·6 + 3·5 + 4·4 + 5·3 + 6·2 + 0·1 = 77 = 7·11.
    expect(isValidCvr('01234560')).toBe(false);
  });

  it('rejects seven or nine digits', () => {
    expect(isValidCvr('1234567')).toBe(false);
    expect(isValidCvr('123456740')).toBe(false);
  });

  it('rejects letters, punctuation and empty input', () => {
    expect(isValidCvr('1234567a')).toBe(false);
    expect(isValidCvr('12-34-56-74')).toBe(false);
    expect(isValidCvr('DK12345674')).toBe(false);
    expect(isValidCvr('')).toBe(false);
    expect(isValidCvr('        ')).toBe(false);
  });

  it('rejects the all-zero number', () => {
    expect(isValidCvr('00000000')).toBe(false);
  });
});

describe('normalizeCvr', () => {
  it('removes every kind of whitespace and keeps the rest', () => {
    expect(normalizeCvr(' 12 34\t56 74\n')).toBe('12345674');
    expect(normalizeCvr('12-34')).toBe('12-34');
  });
});

describe('makeValidCvr', () => {
  it('appends the check digit that makes the number valid', () => {
    expect(makeValidCvr('1234567')).toBe(VALID);
  });

  it('gives null when the check digit would have to be 10', () => {
    // 1·2 + 3·7 = 23, and 23 mod 11 = 1: only a check digit of 10 would reach 33.
    expect(makeValidCvr('1300000')).toBeNull();
  });

  it('gives check digit 0 when the sum is already a multiple of 11', () => {
    // 1·2 + 3·3 = 11.
    expect(makeValidCvr('1000030')).toBe('10000300');
  });

  it('gives null for a seed that is not seven digits starting with 1–9', () => {
    for (const seed of ['0123456', '123456', '12345678', '12 3456', 'abcdefg', '']) expect(makeValidCvr(seed)).toBeNull();
  });

  it('always yields a valid CVR when it yields one, and fails for about one seed in eleven', () => {
    let failures = 0;
    for (let n = 9_000_000; n < 9_011_000; n++) {
      const cvr = makeValidCvr(String(n));
      if (cvr === null) failures++;
      else expect(isValidCvr(cvr)).toBe(true);
    }
    expect(failures).toBeGreaterThan(900);
    expect(failures).toBeLessThan(1100);
  });
});

describe('cvrProblem: what the person typed, said back so they can fix it', () => {
  it('does not say "Det har 8 cifre" to someone who typed 8: a wrong check digit is told as a typing error', () => {
    const problem = cvrProblem('12345678');
    expect(problem).not.toContain('Det har 8 cifre');
    expect(problem).toBe('Der findes ikke et CVR-nummer med de 8 cifre. Måske er et ciffer skrevet forkert. Du kan finde nummeret på datacvr.virk.dk.');
  });

  it('counts the digits typed when there are too few or too many', () => {
    expect(cvrProblem('1234567')).toBe('Et CVR-nummer har 8 cifre. Du har skrevet 7.');
    expect(cvrProblem('12 34 56 740')).toBe('Et CVR-nummer har 8 cifre. Du har skrevet 9.');
  });

  it('names letters and a leading 0, and passes a valid number', () => {
    expect(cvrProblem('DK12345674')).toBe('Et CVR-nummer har kun tal. Skriv de 8 cifre uden bogstaver og tegn.');
    expect(cvrProblem('01234560')).toBe('Et CVR-nummer begynder ikke med 0. Tjek, at du har skrevet det rigtigt.');
    expect(cvrProblem('')).toBe('Skriv virksomhedens CVR-nummer.');
    expect(cvrProblem('12 34 56 74')).toBeNull();
  });
});
