import { describe, expect, it } from 'vitest';
import { checkSession, initialExpiry, sessionLifetimeFor, shortUserAgent } from '../../app/domain/session-rules';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const login = new Date('2026-12-07T08:00:00Z');
const at = (ms: number) => new Date(login.getTime() + ms);

function staffSession(lastUsedAfter: number) {
  return { createdAt: login, lastUsedAt: at(lastUsedAfter), expiresAt: initialExpiry('consultant', login) };
}

describe('how long a login lasts', () => {
  it('is 30 idle minutes and 12 hours at most for staff, 30 days sliding for citizens and companies', () => {
    expect(sessionLifetimeFor('consultant')).toEqual({ kind: 'staff', idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR });
    expect(sessionLifetimeFor('admin')).toEqual(sessionLifetimeFor('consultant'));
    expect(sessionLifetimeFor('citizen')).toEqual({ kind: 'sliding', lifetimeMs: 30 * DAY, renewWhenLeftMs: 15 * DAY });
    expect(sessionLifetimeFor('company')).toEqual(sessionLifetimeFor('citizen'));
    expect(initialExpiry('admin', login)).toEqual(at(12 * HOUR));
    expect(initialExpiry('citizen', login)).toEqual(at(30 * DAY));
  });

  it('keeps a staff session 29:59 after its last use and ends it at 30:00', () => {
    expect(checkSession('consultant', staffSession(2 * HOUR), at(2 * HOUR + 30 * MINUTE - 1000))).toMatchObject({ alive: true });
    expect(checkSession('consultant', staffSession(2 * HOUR), at(2 * HOUR + 30 * MINUTE))).toEqual({ alive: false });
  });

  it('ends a staff session at 12 hours after login, even used a second before', () => {
    expect(checkSession('admin', staffSession(12 * HOUR - 2000), at(12 * HOUR - 1000))).toMatchObject({ alive: true, renewed: false });
    expect(checkSession('admin', staffSession(12 * HOUR - 1000), at(12 * HOUR))).toEqual({ alive: false });
  });

  it('holds a staff session started before this rule (30-day expiry) to 12 hours too', () => {
    const old = { createdAt: login, lastUsedAt: at(13 * HOUR), expiresAt: at(30 * DAY) };
    expect(checkSession('consultant', old, at(13 * HOUR + MINUTE))).toEqual({ alive: false });
  });

  it('never ends a citizen’s session for idleness, and slides it when less than 15 days are left', () => {
    const session = { createdAt: login, lastUsedAt: login, expiresAt: at(30 * DAY) };
    expect(checkSession('citizen', session, at(15 * DAY))).toMatchObject({ alive: true, renewed: false, expiresAt: at(30 * DAY) });
    expect(checkSession('citizen', session, at(15 * DAY + 1))).toEqual({ alive: true, renewed: true, touch: true, expiresAt: at(45 * DAY + 1) });
    expect(checkSession('company', session, at(30 * DAY - 1))).toMatchObject({ alive: true });
    expect(checkSession('company', session, at(30 * DAY))).toEqual({ alive: false });
  });

  it('asks for the last use to be written after a minute, not before', () => {
    expect(checkSession('consultant', staffSession(0), at(MINUTE - 1))).toMatchObject({ alive: true, touch: false });
    expect(checkSession('consultant', staffSession(0), at(MINUTE))).toMatchObject({ alive: true, touch: true });
  });
});

describe('shortUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome · Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge · Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox · Linux'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Safari · iOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome · Android'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari · macOS'],
    ['curl/8.5.0', 'curl/8.5.0'],
    ['', null],
    [null, null],
  ])('tells %j as %j', (header, short) => {
    expect(shortUserAgent(header)).toBe(short);
  });

  it('shortens what it does not know to 60 characters', () => {
    expect(shortUserAgent('x'.repeat(500))).toHaveLength(60);
  });
});
