/**
 * How a request reaches Remix: as @remix-run/express's adapter does it, except that the body is read here
 * first, whole and only up to a limit, before any route parses it. A form is a few kilobytes and an API
 * body one opening, yet a 50 MB body to /login used to be parsed for seconds by anyone. So a body over the
 * limit is answered 413: at once when its Content-Length says so, or as soon as a streamed body grows past
 * it. A page's action reads forms only, so a body of another type there (text/plain, JSON) is answered 415
 * instead of failing in `request.formData()` as a 500. The API reads JSON and keeps its own answers.
 */
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler as createRemixRequestHandler, writeReadableStreamToWritable } from '@remix-run/node';
import type express from 'express';
import { isApiPath } from './auth/origin.server';
import { logUnexpectedError, requestForLog } from './error-log.server';
import { answerUnavailable, isOutageError, metOutage, runWithOutageMark } from './unavailable.server';

export const FORM_BODY_LIMIT_BYTES = 100 * 1024;
export const API_BODY_LIMIT_BYTES = 256 * 1024;

/** What the routes' actions read: `request.formData()`. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** Methods whose body nobody reads: Remix gets none. */
const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export const NOT_A_FORM_MESSAGE = 'Siden kunne ikke læse det, der blev sendt: den tager kun imod formularer. Gå tilbage, genindlæs siden, og send formularen igen.';
export const FORM_TOO_LARGE_MESSAGE = `Formularen er for stor til at blive sendt (højst ${FORM_BODY_LIMIT_BYTES / 1024} kB). Gør teksterne kortere, og send den igen.`;
export const API_TOO_LARGE_MESSAGE = `Kroppen er for stor. Den må højst være ${API_BODY_LIMIT_BYTES / 1024} kB.`;

/** The request's URL as the Express adapter builds it: the port from X-Forwarded-Host or Host, the rest from Express. */
function requestUrl(req: express.Request): URL {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(':')[1] ?? '', 10);
  const forwardedPort = portOf(req.get('X-Forwarded-Host'));
  const hostPort = portOf(req.get('host'));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : null;
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`);
}

function headersOf(req: express.Request): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  return headers;
}

function answerTooLarge(res: express.Response, api: boolean) {
  if (api) res.status(413).json({ error: 'payload_too_large', message: API_TOO_LARGE_MESSAGE });
  else res.status(413).type('text/plain; charset=utf-8').send(FORM_TOO_LARGE_MESSAGE);
}

const REFUSED = Symbol('refused');

/**
 * The body, read whole, or REFUSED when an answer has been sent instead (413/415) or the client went away.
 * Decided on the resolved path, so "/api/../login" is a page's form like "/login".
 */
function readBody(req: express.Request, res: express.Response, pathname: string): Promise<Uint8Array<ArrayBuffer> | undefined | typeof REFUSED> {
  if (WITHOUT_BODY.has(req.method)) return Promise.resolve(undefined);
  const api = isApiPath(pathname);
  const type = req.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!api && !FORM_TYPES.has(type)) {
    res.status(415).type('text/plain; charset=utf-8').send(NOT_A_FORM_MESSAGE);
    return Promise.resolve(REFUSED);
  }
  const limit = api ? API_BODY_LIMIT_BYTES : FORM_BODY_LIMIT_BYTES;
  // Node reads and drops a body nobody read once the answer is sent, so the connection stays usable.
  if (Number(req.get('content-length') ?? 0) > limit) {
    answerTooLarge(res, api);
    return Promise.resolve(REFUSED);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      answerTooLarge(res, api);
      // What is still coming is read and dropped.
      req.resume();
      resolve(REFUSED);
    }
    function onEnd() {
      stop();
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(body);
    }
    function onError(error: Error) {
      stop();
      reject(error);
    }
    function onClose() {
      stop();
      resolve(REFUSED);
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

async function sendResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function createRequestHandler({
  build,
  mode,
  getLoadContext,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
}): express.RequestHandler {
  const handleRequest = createRemixRequestHandler(build, mode);
  return (req, res, next) =>
    runWithOutageMark(async () => {
      try {
        const url = requestUrl(req);
        const body = await readBody(req, res, url.pathname);
        if (body === REFUSED) return;
        // Loaders and actions stop when the client goes away before the answer is written.
        const controller = new AbortController();
        let answered = false;
        res.on('finish', () => (answered = true));
        res.on('close', () => answered || controller.abort());
        const request = new Request(url, { method: req.method, headers: headersOf(req), body, signal: controller.signal });
        const response = await handleRequest(request, getLoadContext(req, res));
        // A loader or action met a database outage (app/entry.server.tsx marked it): the Danish 503 page, not a
        // 500. A client-side navigation (?_data) keeps Remix's answer, which its error boundary shows.
        if (response.status >= 500 && metOutage() && !url.searchParams.has('_data')) {
          await response.body?.cancel();
          return answerUnavailable(res, { api: isApiPath(url.pathname), reason: 'database' });
        }
        await sendResponse(res, response);
      } catch (error) {
        next(error);
      }
    });
}

/**
 * The last word on an error no route caught (Remix answers its own): logged by id only, as everywhere, and
 * answered with that id, so a person who writes to the jobcentre can quote it. A client's error that a
 * middleware passed on with its status (a malformed request) keeps that status and is no news for the log.
 */
export const answerUnexpectedError: express.ErrorRequestHandler = (error, req, res, _next) => {
  const status = Number((error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode);
  if (status >= 400 && status < 500 && !res.headersSent) {
    res.status(status).type('text/plain; charset=utf-8').send('Anmodningen kunne ikke læses. Genindlæs siden, og prøv igen.');
    return;
  }
  if (isOutageError(error) && !res.headersSent) {
    answerUnavailable(res, { api: isApiPath(req.originalUrl), reason: 'database' });
    return;
  }
  const id = logUnexpectedError(error, requestForLog({ method: req.method, url: `http://localhost${req.originalUrl}` }));
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(500).type('text/plain; charset=utf-8').send(`Der skete en uventet fejl (fejl-id ${id}). Prøv igen om lidt.`);
};
