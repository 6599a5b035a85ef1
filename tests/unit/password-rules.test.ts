import { describe, expect, it } from 'vitest';
import { isCommonPassword, MIN_PASSWORD_LENGTH, newPassword, PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '../../app/domain/password-rules';

describe('the password rule', () => {
  it('asks for 12 characters: 11 are too few, 12 will do, counted as a person counts them', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem('lang-kaffe1')).toBe('tooShort');
    expect(passwordProblem('lang-kaffe12')).toBeNull();
    // Eleven letters, two of them outside the basic plane of Unicode: still eleven.
    expect(passwordProblem('kaffe-og-😀😀')).toBe('tooShort');
  });

  it('refuses the demo password of the try-out, which is one character short', () => {
    expect(passwordProblem('jobbro-demo')).toBe('tooShort');
  });

  it('allows 200 characters and refuses 201', () => {
    expect(passwordProblem('grøn-kaffe-'.repeat(18) + 'ab')).toBeNull();
    expect(passwordProblem('x'.repeat(100) + 'y'.repeat(101))).toBe('tooLong');
  });

  it.each(['123456789012', 'qwertyuiop12', 'password1234', 'passwordpassword', 'iloveyou1234', 'PASSWORD1234'])(
    'refuses %s from the breach list, whatever its case',
    (password) => {
      expect(passwordProblem(password)).toBe('common');
    },
  );

  it.each(['Sommer2026!!', '2026sommer!!', 'adgangskode123', 'Velkommen12345', 'jobcenter2027', 'københavn1234'])(
    'refuses the Danish favourite %s, also with digits and signs around it',
    (password) => {
      expect(passwordProblem(password)).toBe('common');
    },
  );

  it.each(['sunshine2026!', 'dragon123456', '!!football!!', 'monkeymonkeymonkey', 'zzzzzzzzzzzz', 'abcabcabcabc', '121212121212'])(
    'refuses %s: a listed word with digits or signs around it, or a few keys repeated',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(['grøn-kaffe-cykel', 'anes-lange-adgangskode', 'første-lange-kode', '847291038475', 'Tre små grise i Viby'])('accepts %s', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('says each problem in Danish in the zod schema the forms share', () => {
    expect(newPassword.safeParse('kort').error?.issues[0]?.message).toBe(PASSWORD_PROBLEM_MESSAGES.tooShort);
    expect(PASSWORD_PROBLEM_MESSAGES.tooShort).toMatch(/^Adgangskoden skal være mindst 12 tegn\./);
    expect(newPassword.safeParse('password1234').error?.issues[0]?.message).toMatch(/^Adgangskoden er for almindelig\./);
    expect(newPassword.safeParse(undefined).error?.issues[0]?.message).toBe('Vælg en adgangskode.');
    expect(newPassword.parse('grøn-kaffe-cykel')).toBe('grøn-kaffe-cykel');
  });
});
