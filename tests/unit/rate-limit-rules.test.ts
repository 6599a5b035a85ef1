import { describe, expect, it } from 'vitest';
import { allowanceAfter, minutesUntil, tooManyMailsMessage } from '../../app/domain/rate-limit-rules';

const HOUR = 60 * 60 * 1000;
const now = new Date('2027-03-10T12:00:00Z');

describe('allowanceAfter', () => {
  it('allows one more while fewer than the limit happened within the window', () => {
    expect(allowanceAfter(null, { windowMs: HOUR }, now)).toEqual({ allowed: true });
  });

  it('refuses until the limit-th most recent event leaves the window, and allows from that instant', () => {
    const limitth = new Date(now.getTime() - 20 * 60 * 1000);
    expect(allowanceAfter(limitth, { windowMs: HOUR }, now)).toEqual({ allowed: false, retryAt: new Date(now.getTime() + 40 * 60 * 1000) });
    expect(allowanceAfter(new Date(now.getTime() - HOUR), { windowMs: HOUR }, now)).toEqual({ allowed: true });
  });
});

describe('minutesUntil and the message', () => {
  it('rounds the wait up to whole minutes, at least one, and says it in Danish without naming the address', () => {
    expect(minutesUntil(new Date(now.getTime() + 1), now)).toBe(1);
    expect(minutesUntil(new Date(now.getTime() + 59 * 60 * 1000 + 1), now)).toBe(60);
    expect(tooManyMailsMessage(1)).toBe('Der er sendt for mange mails på kort tid. Vent 1 minut, og prøv igen.');
    expect(tooManyMailsMessage(45)).toBe('Der er sendt for mange mails på kort tid. Vent 45 minutter, og prøv igen.');
  });
});
