/**
 * The Meilisearch client and the process-wide search configuration. The holder lives on globalThis so that
 * server.ts and the Remix server bundle, which each load this module, share one client (as db/client.ts does).
 */
import http from 'node:http';
import https from 'node:https';
import { MeiliSearch, MeiliSearchApiError, type EnqueuedTask, type Task } from 'meilisearch';

export type SearchIndexNames = { openings: string; citizens: string };

export const DEFAULT_INDEX_NAMES: SearchIndexNames = { openings: 'openings', citizens: 'citizens' };

/** Long enough for a settings change that re-indexes 100,000 documents on two cores. */
export const SEARCH_TASK_TIMEOUT_MS = 120_000;

const REQUEST_TIMEOUT_MS = 15_000;

type SearchClientOptions = { host: string; apiKey: string; timeoutMs?: number };
type SearchState = { client: MeiliSearch; host: string; indexNames: SearchIndexNames };
type HttpClient = (...args: Parameters<typeof fetch>) => Promise<unknown>;

const globalStore = globalThis as typeof globalThis & { __jobbroSearch?: SearchState };

/** Meilisearch's error body, carried by the errors that our httpClient throws. */
type MeiliErrorBody = { message?: string; code?: string; type?: string; link?: string };

/**
 * The client wraps whatever the httpClient throws in a MeiliSearchRequestError, so an API error arrives as
 * `error.cause`. Exposing `code` on it keeps the client's own `error.cause.code` checks (deleteIndexIfExists)
 * working as they do with the default fetch.
 */
class SearchApiError extends MeiliSearchApiError {
  readonly code?: string;

  constructor(response: Response, body: MeiliErrorBody | undefined) {
    super(response, body as ConstructorParameters<typeof MeiliSearchApiError>[1]);
    this.code = body?.code;
  }
}

function headersOf(init: RequestInit | undefined, body: string | undefined): Record<string, string> {
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return headers;
}

function requestBody(init: RequestInit | undefined): string | undefined {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new TypeError('The search client sends only string bodies');
}

function parseBody(text: string): unknown {
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * A fetch-shaped function on a keep-alive node:http Agent. Node's global fetch spent ~45 ms per request in
 * the connection on this kind of machine; this answers in ~2.5 ms. It honours the contract of the client's
 * default path: resolve with the parsed JSON, reject with MeiliSearchApiError on a non-2xx status, and
 * reject with the signal's reason on abort (the client recognises its own timeout that way).
 */
function keepAliveHttpClient(timeoutMs: number): HttpClient {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
  };
  return (input, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const transport = url.protocol === 'https:' ? https : http;
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const body = requestBody(init);
      const signal = init?.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);

      const request = transport.request(url, { method: init?.method ?? 'GET', headers: headersOf(init, body), agent });
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`Meilisearch did not answer within ${timeoutMs} ms`)));
      const onAbort = () => {
        request.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);

      request.on('error', (error) => {
        done();
        reject(error);
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => {
          done();
          reject(error);
        });
        response.on('end', () => {
          done();
          try {
            const parsed = parseBody(Buffer.concat(chunks).toString('utf8'));
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(parsed);
            const meta = new Response(null, { status, statusText: response.statusMessage ?? '' });
            reject(new SearchApiError(meta, parsed as MeiliErrorBody | undefined));
          } catch (error) {
            reject(error);
          }
        });
      });
      request.end(body);
    });
}

export function createSearchClient({ host, apiKey, timeoutMs = REQUEST_TIMEOUT_MS }: SearchClientOptions): MeiliSearch {
  // The timeout lives in the httpClient: the client's own `timeout` option leaks an abort listener per
  // request onto waitForTask's signal (MaxListenersExceededWarning after ten polls).
  return new MeiliSearch({ host, apiKey, httpClient: keepAliveHttpClient(timeoutMs) });
}

/** Installs the process-wide client; tests pass their own index names so each file has its own indexes. */
export function configureSearch({ host, apiKey, indexNames = DEFAULT_INDEX_NAMES }: SearchClientOptions & { indexNames?: SearchIndexNames }) {
  const client = createSearchClient({ host, apiKey });
  globalStore.__jobbroSearch = { client, host, indexNames };
  return client;
}

export function isSearchConfigured(): boolean {
  return globalStore.__jobbroSearch !== undefined;
}

export function searchClient(): MeiliSearch {
  const state = globalStore.__jobbroSearch;
  if (!state) throw new Error('Search is not configured: call configureSearch() at start.');
  return state.client;
}

export function searchIndexNames(): SearchIndexNames {
  return globalStore.__jobbroSearch?.indexNames ?? DEFAULT_INDEX_NAMES;
}

/** Meilisearch's error code (`index_not_found`, …) anywhere in an error's cause chain. */
export function searchErrorCode(error: unknown): string | undefined {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Whether Meilisearch answered and refused (an API error or a failed task), rather than not answering at all. */
export function isSearchRefusal(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof MeiliSearchApiError || current instanceof SearchTaskFailedError) return true;
  }
  return false;
}

/**
 * A one-line description for logs and the outbox's lastError: the Meilisearch or system error code and the
 * innermost message. Meilisearch repeats document values in some messages, so logs use only the code.
 */
export function describeSearchError(error: unknown, { withMessage = false } = {}): string {
  let innermost: unknown = error;
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
  const code = searchErrorCode(error) ?? (innermost instanceof Error ? innermost.name : 'unknown');
  if (!withMessage) return code;
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  return `${code}: ${message}`.slice(0, 1000);
}

export class SearchTaskFailedError extends Error {
  readonly code: string | undefined;

  constructor(task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no details'}`);
    this.name = 'SearchTaskFailedError';
    this.code = task.error?.code ?? `task_${task.status}`;
  }
}

/** Waits until Meilisearch has processed the task, whatever the outcome. */
export async function settleSearchTask(client: MeiliSearch, task: EnqueuedTask | number): Promise<Task> {
  return client.tasks.waitForTask(task, { timeout: SEARCH_TASK_TIMEOUT_MS });
}

/** Waits for the tasks in order and throws if one did not succeed. */
export async function waitForSearchTasks(client: MeiliSearch, tasks: (EnqueuedTask | number)[]): Promise<Task[]> {
  const finished: Task[] = [];
  for (const enqueued of tasks) {
    const task = await settleSearchTask(client, enqueued);
    if (task.status !== 'succeeded') throw new SearchTaskFailedError(task);
    finished.push(task);
  }
  return finished;
}
