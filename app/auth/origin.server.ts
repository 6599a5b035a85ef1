/**
 * Where a request may come from, decided before Remix sees it (server.ts), as pure rules on the request's
 * headers and the allowed origins (app/services/public-origin.server.ts, the one list):
 *
 * - Host: a request must be addressed to one of Jobbro's own origins. A foreign Host is how a page on another
 *   name reaches the portal (DNS rebinding on localhost, a spoofed virtual host), so it gets a 400 before any
 *   route runs.
 * - Origin: CSRF protection as the Lucia guide recommends it: a request that may change something must carry
 *   an Origin header naming one of those same origins. Browsers send Origin on every cross-site POST and on
 *   same-site fetch/form POSTs, so a missing Origin on such a request is refused too.
 */

export const ORIGIN_REJECTED_MESSAGE =
  'Anmodningen blev afvist, fordi den ikke kom fra Jobbro. Genindlæs siden, og prøv igen.';

export const HOST_REJECTED_MESSAGE =
  'Anmodningen blev afvist, fordi den ikke var sendt til Jobbros adresse. Brug adressen fra dit link eller din mail.';

/** Methods that must not change anything (and in this portal do not), so they need no Origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginCheckInput = {
  method: string;
  /** The Origin header, or null when the request had none. */
  origin: string | null;
  /** The origins the portal is served from (`allowedOrigins()`); the Host check has held the request to them. */
  allowedOrigins: readonly string[];
  /**
   * True for calls to the JSON API (`isApiPath`). The API authenticates by `Authorization: Bearer` only and
   * never reads the session cookie (app/services/api-openings.server.ts), so a forged cross-site call gains
   * nothing from the victim's cookies, and a browser never adds the header on its own. API clients send no
   * Origin; a cookie on the call (a load balancer's, say) changes nothing. Without a token the API answers
   * its own 401.
   */
  isApiCall?: boolean;
};

/** "https://Example.dk:443/" → "https://example.dk"; null when it is no http(s) origin. */
function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function isSameOriginRequest(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  if (input.isApiCall) return true;
  if (!input.origin) return false;

  const origin = normaliseOrigin(input.origin);
  if (!origin) return false;
  return input.allowedOrigins.map(normaliseOrigin).includes(origin);
}

/**
 * The Host values that name an allowed origin: its host as a browser sends it ("jobbro.dk",
 * "localhost:3000"), and with the scheme's default port written out, which some clients do.
 */
function hostsOf(origin: string): string[] {
  try {
    const url = new URL(origin);
    if (url.port !== '') return [url.host];
    return [url.host, `${url.host}:${url.protocol === 'https:' ? 443 : 80}`];
  } catch {
    return [];
  }
}

/**
 * True when the Host header names one of the allowed origins. Compared as text (letter case aside), not
 * parsed: a parser would read "evil.example@localhost:3000" as localhost.
 */
export function isAllowedHost(host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (!host) return false;
  return allowedOrigins.flatMap(hostsOf).includes(host.trim().toLowerCase());
}

/**
 * The path Remix will route the request to. Express's `req.path` is the raw path; Remix reads the URL as
 * the WHATWG parser does, which resolves "..", "%2e%2e" and backslashes, so "/api/../borger/oensker" is the
 * citizen's wishes page there. Rules that depend on the path decide on this one. Null when it is no URL.
 */
export function routedPath(rawUrl: string): string | null {
  if (!rawUrl.startsWith('/')) return null;
  try {
    // Appended to an origin as Remix does, not resolved against one: "//evil.example/x" stays a path.
    return new URL(`http://localhost${rawUrl}`).pathname;
  } catch {
    return null;
  }
}

/**
 * A call to the JSON API, judged on the path Remix routes, in any letter case as Remix matches routes (an
 * unreadable URL is no API call, so it meets the Origin check).
 */
export function isApiPath(rawUrl: string): boolean {
  return routedPath(rawUrl)?.toLowerCase().startsWith('/api/') ?? false;
}

/** Loopback addresses as Node reports a socket's peer (IPv4, IPv6, IPv4-mapped IPv6). */
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** Headers a proxy adds when it passes a request on; their presence says the request came from elsewhere. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * True for a request made on this machine itself, such as a monitoring agent's or an operator's check: the
 * socket's peer is loopback and no proxy passed it on. Decided on the socket's address, never on Express's
 * `req.ip`: with "trust proxy" set, that is read from X-Forwarded-For, which a client can fill with 127.0.0.1.
 * A proxy on the same machine connects from loopback too, so a request bearing a forwarding header counts as
 * coming from outside (a proxy in front must add X-Forwarded-For, which TRUST_PROXY needs anyway).
 */
export function isLocalDirectRequest(input: { remoteAddress: string | undefined; headers: Record<string, unknown> }): boolean {
  if (!input.remoteAddress || !LOOPBACK.test(input.remoteAddress)) return false;
  return FORWARDING_HEADERS.every((name) => input.headers[name] === undefined);
}
