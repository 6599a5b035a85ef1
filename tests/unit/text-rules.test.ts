import { describe, expect, it } from 'vitest';
import { plainText, weeklyHours } from '../../app/domain/text-rules';

const reason = plainText({ field: 'Begrundelsen', missing: 'Skriv, hvorfor aftalen slutter.', min: 3, max: 20 });
const firstMessage = (value: unknown) => {
  const result = reason.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('plainText', () => {
  it('asks for the text when the field is empty or only spaces, whatever the least length', () => {
    expect(firstMessage('')).toBe('Skriv, hvorfor aftalen slutter.');
    expect(firstMessage('   ')).toBe('Skriv, hvorfor aftalen slutter.');
    expect(firstMessage(undefined)).toBe('Skriv, hvorfor aftalen slutter.');
  });

  it('names the least and the most length when the text is there but too short or too long', () => {
    expect(firstMessage('ab')).toBe('Begrundelsen skal være mindst 3 tegn.');
    expect(firstMessage('x'.repeat(21))).toBe('Begrundelsen må højst være 20 tegn.');
    expect(firstMessage('  Fik andet job  ')).toBeNull();
    expect(reason.parse('  Fik andet job  ')).toBe('Fik andet job');
  });

  it('lets an optional field stay empty', () => {
    expect(plainText({ field: 'Noten', max: 10 }).safeParse('').success).toBe(true);
  });
});

describe('weeklyHours', () => {
  const hours = weeklyHours('det mindste antal timer');
  const message = (value: unknown) => hours.safeParse(value).error?.issues[0]?.message ?? null;

  it('reads a Danish decimal comma', () => {
    expect(hours.parse(' 7,5 ')).toBe(7.5);
  });

  it('starts each message with a capital letter, also when the label is the subject', () => {
    expect(message('')).toBe('Skriv det mindste antal timer.');
    expect(message('fem')).toBe('Det mindste antal timer skal være et tal.');
  });
});
