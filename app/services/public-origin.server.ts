/**
 * The address links in mails point to. A request's Host header is the sender's to choose, so a link that
 * leaves by mail uses the first APP_ORIGIN when one is configured (production behind a proxy), and the
 * request's own origin only when none is (local use, tests).
 */
export function publicOrigin(request: Request): string {
  const configured = (process.env.APP_ORIGIN ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .find(Boolean);
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // A malformed setting falls back to the request's origin rather than breaking every invitation.
    }
  }
  return new URL(request.url).origin;
}
