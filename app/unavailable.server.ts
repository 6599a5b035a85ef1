/**
 * "Jobbro er midlertidigt utilgængelig": the 503 answer when the app sheds load or its database is out,
 * instead of a request that hangs and then fails with 500. It asks the client to come back (Retry-After), needs
 * nothing that may be down (no database, no template), and works without JavaScript.
 *
 * Whether a request met an outage is kept per request in an AsyncLocalStorage on globalThis: Remix's
 * handleError (app/entry.server.tsx, in the server bundle) marks it, and the request handler (loaded by
 * server.ts) turns Remix's 500 into this page.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type express from 'express';
import { RETRY_AFTER_SECONDS } from './domain/reliability';

type RequestOutage = { outage: boolean };

const globalStore = globalThis as typeof globalThis & { __jobbroRequestOutage?: AsyncLocalStorage<RequestOutage> };
const requestOutage = (globalStore.__jobbroRequestOutage ??= new AsyncLocalStorage<RequestOutage>());

/**
 * Codes of a database (or search) that is not there or gave up: the connection refused, reset or timed out
 * (postgres.js and Node), the server shutting down or starting up, too many connections, and a statement or
 * an idle transaction ended by its time-out (SQLSTATE classes 08, 53300, 57014, 57P01-03, 25P03).
 */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '25P03',
]);

/** Whether an error, or one of its causes, says the database was unavailable rather than the code wrong. */
export function isOutageError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (OUTAGE_CODES.has(code) || code.startsWith('08'))) return true;
    // Remix wraps some failures in an ErrorResponse whose `error` holds the original.
    const inner = (current as { error?: unknown }).error;
    if (inner && inner !== current && isOutageError(inner)) return true;
  }
  return false;
}

/** Runs a request with its own outage mark. */
export function runWithOutageMark<T>(work: () => T): T {
  return requestOutage.run({ outage: false }, work);
}

/** Marks the current request as having met an outage, when the error is one. */
export function noteOutage(error: unknown) {
  const store = requestOutage.getStore();
  if (store && isOutageError(error)) store.outage = true;
}

export function metOutage(): boolean {
  return requestOutage.getStore()?.outage ?? false;
}

export type UnavailableReason = 'busy' | 'database';

const EXPLANATION: Record<UnavailableReason, { da: string; en: string }> = {
  busy: {
    da: 'Der er travlt på Jobbro lige nu, så siden kunne ikke vises.',
    en: 'Jobbro is very busy right now, so the page could not be shown.',
  },
  database: {
    da: 'Jobbro kan ikke nå sine data lige nu, så siden kunne ikke vises.',
    en: 'Jobbro cannot reach its data right now, so the page could not be shown.',
  },
};

export const UNAVAILABLE_TITLE = 'Jobbro er midlertidigt utilgængelig';

export function unavailablePage(reason: UnavailableReason): string {
  const { da, en } = EXPLANATION[reason];
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${UNAVAILABLE_TITLE}</title>
<style>
body { font-family: IBMPlexSans, system-ui, sans-serif; margin: 0; color: #1a1a1a; line-height: 1.5; }
header { background: #1a1a1a; color: #fff; padding: 1rem; font-weight: 600; }
main { max-width: 40rem; padding: 1.5rem 1rem 3rem; overflow-wrap: break-word; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }
a { color: #0059b3; }
</style>
</head>
<body>
<header>Jobbro</header>
<main>
<h1>${UNAVAILABLE_TITLE}</h1>
<p>${da} Prøv igen om et øjeblik: <a href="">genindlæs siden</a>.</p>
<p>Har du sendt en formular, er den måske ikke gemt. Gå tilbage, og send den igen om lidt.</p>
<p lang="en">${en} Please try again in a moment. If you sent a form, it may not have been saved: go back and send it again shortly.</p>
</main>
</body>
</html>
`;
}

export const UNAVAILABLE_API_MESSAGE = 'Jobbro er midlertidigt utilgængelig. Prøv igen om lidt (se Retry-After).';

/** The 503 answer: JSON for the API, the page for everything else; never stored, and with Retry-After. */
export function answerUnavailable(res: express.Response, { api, reason }: { api: boolean; reason: UnavailableReason }) {
  res.status(503).set({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' });
  if (api) res.json({ error: 'unavailable', message: UNAVAILABLE_API_MESSAGE });
  else res.type('text/html; charset=utf-8').send(unavailablePage(reason));
}
