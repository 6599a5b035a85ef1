/**
 * How long a login lasts, per role (issue 12, item 10; ASVS 4.0 V3.3). Staff read other people's data, health
 * notes among them, often on shared office machines: their session ends after 30 minutes without use and
 * 12 hours after login at the latest. Citizens and companies see only their own and log in rarely: 30 days,
 * sliding forward while they use it. Any role added later counts as staff until someone decides otherwise.
 */
import type { Role } from './vocabulary';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type SessionLifetime =
  /** Lasts `lifetimeMs` and is renewed to that when less than `renewWhenLeftMs` is left. */
  | { kind: 'sliding'; lifetimeMs: number; renewWhenLeftMs: number }
  /** Ends `idleMs` after its last use, and `absoluteMs` after login whatever happens. */
  | { kind: 'staff'; idleMs: number; absoluteMs: number };

export const SLIDING_SESSION: SessionLifetime = { kind: 'sliding', lifetimeMs: 30 * DAY_MS, renewWhenLeftMs: 15 * DAY_MS };
export const STAFF_SESSION: SessionLifetime = { kind: 'staff', idleMs: 30 * MINUTE_MS, absoluteMs: 12 * HOUR_MS };

/**
 * The last use is written at most once a minute, to keep a write off most requests. So a staff session may
 * end up to a minute before 30 idle minutes have passed since the very last click; never later.
 */
export const LAST_USED_PRECISION_MS = MINUTE_MS;

export function sessionLifetimeFor(role: Role): SessionLifetime {
  return role === 'citizen' || role === 'company' ? SLIDING_SESSION : STAFF_SESSION;
}

/** When a session started now ends if nothing renews it (the cookie's lifetime too). */
export function initialExpiry(role: Role, createdAt: Date): Date {
  const lifetime = sessionLifetimeFor(role);
  return new Date(createdAt.getTime() + (lifetime.kind === 'sliding' ? lifetime.lifetimeMs : lifetime.absoluteMs));
}

export type SessionTimes = { createdAt: Date; lastUsedAt: Date; expiresAt: Date };

/**
 * A session asked about at `now`: over, or alive with the expiry it has from now on. `renewed`: the expiry
 * moved (send the cookie again); `touch`: write `now` as the last use.
 */
export type SessionCheck = { alive: false } | { alive: true; expiresAt: Date; renewed: boolean; touch: boolean };

export function checkSession(role: Role, session: SessionTimes, now: Date): SessionCheck {
  const at = now.getTime();
  if (at >= session.expiresAt.getTime()) return { alive: false };
  const lifetime = sessionLifetimeFor(role);
  const touch = at - session.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
  if (lifetime.kind === 'staff') {
    // The absolute limit counts from login, whatever expiry an older session was given.
    if (at >= session.createdAt.getTime() + lifetime.absoluteMs) return { alive: false };
    if (at - session.lastUsedAt.getTime() >= lifetime.idleMs) return { alive: false };
    return { alive: true, expiresAt: session.expiresAt, renewed: false, touch };
  }
  if (session.expiresAt.getTime() - at < lifetime.renewWhenLeftMs) {
    return { alive: true, expiresAt: new Date(at + lifetime.lifetimeMs), renewed: true, touch: true };
  }
  return { alive: true, expiresAt: session.expiresAt, renewed: false, touch };
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  // Also HeadlessChrome, as automated browsers name themselves.
  [/(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * The browser and system of a User-Agent header, as a person tells their devices apart ("Firefox · Windows"),
 * stored with the session instead of the whole header, which says more about the device than the list needs.
 * An unrecognised one is kept shortened; none gives null.
 */
export function shortUserAgent(userAgent: string | null | undefined): string | null {
  const header = (userAgent ?? '').replace(/\p{Cc}/gu, '').trim();
  if (header === '') return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(header))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(header))?.[1];
  if (browser || system) return [browser, system].filter(Boolean).join(' · ');
  return header.length > 60 ? `${header.slice(0, 59)}…` : header;
}
