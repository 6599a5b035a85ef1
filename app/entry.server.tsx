import { Writable } from 'node:stream';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { logUnexpectedError, requestForLog } from './error-log.server';
import { NonceProvider } from './ui/nonce';
import { noteOutage } from './unavailable.server';

const ABORT_DELAY_MS = 5_000;

/**
 * Every page is rendered whole, then answered in one piece (issue 20). No page streams deferred data, and
 * React writes a page in a few hundred small chunks: streamed, each went through a web stream, a write to the
 * socket and a compression step of its own, which cost more CPU than rendering the page (bench/RESULTS.md,
 * round six). Whole, the page has a Content-Length and is compressed once.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? '';
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // What has not finished by then is left to the browser.
    const abortTimer = setTimeout(() => abort(), ABORT_DELAY_MS);
    const chunks: Buffer[] = [];
    const page = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    page.on('finish', () => {
      clearTimeout(abortTimer);
      const body = Buffer.concat(chunks);
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      responseHeaders.set('Content-Length', String(body.length));
      resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        // Also after an abort: what did not finish is then left to the browser.
        onAllReady() {
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logUnexpectedError(error, `rendering ${requestForLog(request)}`);
        },
      },
    );
  });
}

/**
 * Logs unexpected errors for developers, by id and kind only (app/error-log.server.ts): a failed query's
 * parameters and the database's message may hold a citizen's data. A 404 or 403 is an answer, not an error,
 * and an aborted request is no news.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // The request handler answers the Danish 503 page for it (app/unavailable.server.ts).
  noteOutage(error);
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (error instanceof Error && /^No route matches URL/.test(error.message)) return;
  // Remix wraps some failures in a 500 ErrorResponse; the error inside says more.
  const inner = isRouteErrorResponse(error) && (error as { error?: unknown }).error !== undefined ? (error as { error?: unknown }).error : error;
  logUnexpectedError(inner, requestForLog(request));
};
