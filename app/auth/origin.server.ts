/**
 * CSRF protection as the Lucia guide recommends it: a request that may change something must carry an Origin
 * header naming this site. Browsers send Origin on every cross-site POST and on same-site fetch/form POSTs,
 * so a missing Origin on such a request is refused too. Pure, so server.ts can run it before Remix.
 */

export const ORIGIN_REJECTED_MESSAGE =
  'Anmodningen blev afvist, fordi den ikke kom fra Jobbro. Genindlæs siden, og prøv igen.';

/** Methods that must not change anything (and in this portal do not), so they need no Origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginCheckInput = {
  method: string;
  /** The Origin header, or null when the request had none. */
  origin: string | null;
  /** The Host header (name and port) the request was sent to. */
  host: string;
  /** Further origins the portal is served from (APP_ORIGIN, comma-separated), e.g. behind a proxy that rewrites Host. */
  allowedOrigins?: readonly string[];
  /**
   * True for calls to the JSON API (/api/…). The API authenticates by `Authorization: Bearer` only and never
   * reads the session cookie (app/services/api-openings.server.ts), so a forged cross-site call gains nothing
   * from the victim's cookies, and a browser never adds the header on its own. API clients send no Origin; a
   * cookie on the call (a load balancer's, say) changes nothing. Without a token the API answers its own 401.
   */
  isApiCall?: boolean;
};

/** "https://Example.dk:443/" → "https://example.dk"; null when it is no http(s) origin. */
function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function isSameOriginRequest(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  if (input.isApiCall) return true;
  if (!input.origin || input.host === '') return false;

  const origin = normaliseOrigin(input.origin);
  if (!origin) return false;
  const accepted = [`http://${input.host}`, `https://${input.host}`, ...(input.allowedOrigins ?? [])]
    .map((candidate) => normaliseOrigin(candidate.trim()))
    .filter((candidate): candidate is string => candidate !== null);
  return accepted.includes(origin);
}
