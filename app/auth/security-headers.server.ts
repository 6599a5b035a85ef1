/**
 * What server.ts adds to answers besides helmet's defaults, as pure rules: which answers no browser or proxy
 * may keep, which browser powers the portal never uses, and when Strict-Transport-Security means anything.
 */
import { routedPath } from './origin.server';

/**
 * Pages reached by a one-time link: they show the invitee's name and e-mail and hold a live token in their
 * URL, so a shared computer's cache must not keep them. A route that a mailed link opens adds its prefix here.
 */
/** Pages of one-time links, and of a login coming back from MitID or the municipality (code and state in the URL; a sign-up's data). */
const ONE_TIME_LINK_PAGES = ['/invitation/', '/ny-adgangskode/', '/velkommen/', '/virksomhed/bekraeft/', '/login/', '/virksomhed/opret/mitid'];

/**
 * True for answers that must carry `Cache-Control: no-store`: the one-time link pages and every API answer
 * (a company's openings, fetched with a token). Judged on the path Remix routes, in any letter case, as
 * Remix matches routes.
 */
export function mustNotBeStored(rawUrl: string): boolean {
  const path = routedPath(rawUrl)?.toLowerCase();
  if (!path) return false;
  return path.startsWith('/api/') || ONE_TIME_LINK_PAGES.some((prefix) => path.startsWith(prefix));
}

/**
 * Browser features no page of the portal uses, switched off for the portal and anything it might embed, so a
 * script that got in anyway cannot ask for the camera, the position or a payment, and no ad-interest cohort
 * is computed from visits to a jobcentre (interest-cohort and its successor browsing-topics). Only names
 * Chromium knows: an unknown one ("bluetooth", say) makes it warn on every page (tests/e2e/http-guards.spec.ts).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'interest-cohort',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/**
 * Strict-Transport-Security for an answer, or null. Browsers ignore it over plain http, and sending it there
 * only says the portal does not know how it is reached; behind a TLS-terminating proxy, `secure` is what
 * Express's "trust proxy" read from X-Forwarded-Proto.
 */
export function strictTransportSecurity({ secure }: { secure: boolean }): string | null {
  return secure ? 'max-age=31536000; includeSubDomains' : null;
}
