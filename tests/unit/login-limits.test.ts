import { describe, expect, it } from 'vitest';
import { pairDelaySeconds, secondsUntil, shouldLockAccount } from '../../app/domain/login-limits';

describe('the wait of one address at one account', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [5, 4],
    [12, 512],
    [13, 900],
    [500, 900],
  ])('after %i failures is %i seconds', (failures, seconds) => {
    expect(pairDelaySeconds(failures)).toBe(seconds);
  });
});

describe('locking an account', () => {
  it('takes 50 failures from 5 addresses, not 49 or 4', () => {
    expect(shouldLockAccount({ failures: 50, addresses: 5 })).toBe(true);
    expect(shouldLockAccount({ failures: 49, addresses: 5 })).toBe(false);
    expect(shouldLockAccount({ failures: 500, addresses: 4 })).toBe(false);
  });
});

describe('secondsUntil', () => {
  it('rounds up and never says 0', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(secondsUntil(new Date('2026-12-07T10:00:01.200Z'), now)).toBe(2);
    expect(secondsUntil(new Date('2026-12-07T10:00:00.001Z'), now)).toBe(1);
  });
});
