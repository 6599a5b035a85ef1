/**
 * The one permission helper. Every loader and action asks here who is calling: `requireUser(request, role…)`
 * sends a visitor to the login page and answers a logged-in user of another role with 403.
 */
import { data, redirect } from '@remix-run/node';
import { userErrorBody } from '../domain/user-error';
import type { Role } from '../domain/vocabulary';
import { readRequestSession, type Session, type SessionUser } from './session.server';

export type { SessionUser } from './session.server';

/** Who a page is for, in the sentence a user of another role reads on the 403 page. */
const AUDIENCE: Record<Role, string> = {
  admin: 'administratorer',
  consultant: 'jobcentrets konsulenter',
  leader: 'jobcentrets ledere',
  company: 'virksomheder',
  citizen: 'borgere',
};

/** The 403 sentence for a page meant for `roles`: it names who the page is for, nothing about its content. */
export function forbiddenMessageFor(roles: Role[]): string {
  return `Siden er kun for ${roles.map((role) => AUDIENCE[role]).join(' og ')}.`;
}

const HOME_PATHS: Record<Role, string> = {
  admin: '/admin',
  consultant: '/konsulent',
  leader: '/leder',
  company: '/virksomhed',
  citizen: '/borger',
};

export function homePathFor(role: Role): string {
  return HOME_PATHS[role];
}

/**
 * The user of the request and the headers the response should carry (see `readRequestSession`: a renewed
 * cookie after the expiry slid, or a blank one for a forged or expired cookie). Loaders that run on every
 * page, such as root's, return these headers so that the browser's cookie follows the server's session.
 */
export async function getUserWithHeaders(request: Request): Promise<{ user: SessionUser | null; headers: Headers }> {
  const { user, setCookie } = await readRequestSession(request);
  const headers = new Headers();
  if (setCookie) headers.append('Set-Cookie', setCookie);
  return { user, headers };
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await readRequestSession(request)).user;
}

export async function requireUser(request: Request, ...roles: Role[]): Promise<SessionUser> {
  return (await requireUserSession(request, ...roles)).user;
}

/**
 * A jobcentre leader and the jobcentre they lead: every other role gets 403. A leader always belongs to one
 * jobcentre (the administrator creates them under it); one without is refused rather than shown anything.
 */
export async function requireLeader(request: Request): Promise<{ user: SessionUser; jobcentreId: string }> {
  const user = await requireUser(request, 'leader');
  if (!user.jobcentreId) throw data(userErrorBody(forbiddenMessageFor(['leader'])), { status: 403 });
  return { user, jobcentreId: user.jobcentreId };
}

/** As requireUser, with the session of the asking browser too (for pages about the user's own sessions). */
export async function requireUserSession(request: Request, ...roles: Role[]): Promise<{ user: SessionUser; session: Session }> {
  const { user, session, setCookie } = await readRequestSession(request);
  const headers = new Headers();
  if (setCookie) headers.append('Set-Cookie', setCookie);
  if (!user || !session) {
    const searchParams = new URLSearchParams({ redirectTo: returnPathOf(request) });
    throw redirect(`/login?${searchParams}`, { headers });
  }
  if (roles.length > 0 && !roles.includes(user.role)) {
    throw data(userErrorBody(forbiddenMessageFor(roles)), { status: 403, headers });
  }
  return { user, session };
}

/** Where to come back to after logging in: the page asked for, without single fetch's internal parameters. */
function returnPathOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete('_routes');
  url.searchParams.delete('index');
  return `${url.pathname}${url.search}`;
}

/**
 * A redirect target that stays on this site: a local path starting with one "/", percent-encoded as a URL
 * (a Location header holds bytes, and "/æøå" or an emoji would otherwise fail as a 500). Rejects
 * "//evil.example" and "/\evil.example" (browsers read both as another host), also when they only appear
 * once the path is resolved ("/./\evil.example"), and anything with a scheme.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined): string | null {
  if (typeof to !== 'string' || to === '') return null;
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return null;
  // Control characters (tabs, newlines) are stripped by browsers and could turn "/\t/evil" into "//evil".
  if (/\p{Cc}/u.test(to)) return null;
  const base = 'http://jobbro.invalid';
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return null;
  }
  const local = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === base && !local.startsWith('//') ? local : null;
}
