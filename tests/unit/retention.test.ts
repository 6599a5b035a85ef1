import { describe, expect, it } from 'vitest';
import { anonymisedEmail, isDueForAnonymisation, retentionCutoffs, yearsBefore } from '../../app/domain/retention';

describe('retention', () => {
  const now = new Date('2031-06-15T10:00:00Z');

  it('anonymises a case closed more than five years ago, and keeps one closed less', () => {
    expect(isDueForAnonymisation(new Date('2026-06-15T09:59:59Z'), now)).toBe(true);
    expect(isDueForAnonymisation(new Date('2026-06-15T10:00:00Z'), now)).toBe(false);
    expect(isDueForAnonymisation(new Date('2026-06-16T00:00:00Z'), now)).toBe(false);
  });

  it('never anonymises an open case, however old', () => {
    expect(isDueForAnonymisation(null, now)).toBe(false);
  });

  it('deletes access-log entries after two years, anonymises cases after five', () => {
    expect(retentionCutoffs(now)).toEqual({
      anonymiseCasesClosedBefore: new Date('2026-06-15T10:00:00Z'),
      deleteAccessLogBefore: new Date('2029-06-15T10:00:00Z'),
    });
  });

  it('goes back from 29 February to 1 March of a common year, never early', () => {
    expect(yearsBefore(new Date('2028-02-29T12:00:00Z'), 5)).toEqual(new Date('2023-03-01T12:00:00Z'));
    expect(yearsBefore(new Date('2028-02-29T12:00:00Z'), 4)).toEqual(new Date('2024-02-29T12:00:00Z'));
  });

  it('gives an anonymised login an address that cannot receive mail', () => {
    expect(anonymisedEmail('0b6f3f8e-1111-4222-8333-944445555666')).toBe('anonymiseret-0b6f3f8e-1111-4222-8333-944445555666@anonymiseret.invalid');
  });
});
