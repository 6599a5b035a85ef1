/**
 * The limits that keep Jobbro answering when something fails or too much arrives at once, in one place with
 * their reasons (decision 028). Measured on the two-core machine of bench/RESULTS.md: a healthy page takes
 * ~10-100 ms and a 30 req/s soak keeps about three requests in flight; the overload that took the app down
 * held 300, with 30 s latency and ~980 MB of memory.
 */

/** How the embedded Meilisearch is restarted after it dies (search/supervisor.ts). */
export const RESTART_BACKOFF = {
  /** The first restart comes at once: a crash is usually a one-off, and search is back in about a second. */
  firstMs: 250,
  /** Doubling from there, so a child that cannot start (a full disk) is not restarted in a tight loop. */
  maxMs: 30_000,
  /** A child that ran this long before dying starts the back-off afresh. */
  stableAfterMs: 60_000,
} as const;

/** Bounded work in flight (app/load-shedding.server.ts). Beyond these the app answers 503 with Retry-After. */
export const LOAD_LIMITS = {
  /**
   * Requests in flight for the pages and the API. Ten pooled database connections serve them; 48 waiting is
   * already a second or more of queue, and every one held holds its memory. The soak runs with about three.
   */
  maxInFlight: 48,
  /**
   * Extra places only the public job search (/jobs) may use, so citizens keep finding jobs while logged-in
   * pages are shed. /healthz is never shed: a probe that times out would take an instance out for nothing.
   */
  publicSearchReserve: 16,
  /**
   * Event-loop delay (the worst of the last window) above which new page and API requests are shed: the
   * process is busy rendering and everyone already waits this long for any answer. /jobs is still served.
   */
  eventLoopDelayMs: 500,
  eventLoopWindowMs: 1_000,
} as const;

/** What a 503 asks the client to wait: the database comes back ~2 s after PostgreSQL, and load passes. */
export const RETRY_AFTER_SECONDS = 5;

/** PostgreSQL time-outs (db/client.ts): a failure shows within seconds instead of after a 30-second hang. */
export const DATABASE_TIMEOUTS = {
  /** A connection that is not made in this time is an outage (a local or same-zone server connects in ms). */
  connectSeconds: 3,
  /** No page's query comes near this: the slowest in bench/RESULTS.md, /jobs on the database fallback, p95 178 ms. */
  statementMs: 5_000,
  /** A transaction left open by a client that died holds its locks and a connection; end it. */
  idleInTransactionMs: 10_000,
  /** /healthz's own connection: a probe must answer within its own time-out (often 2-5 s). */
  healthMs: 1_500,
  /**
   * The longest wait before a pooled connection tries again after a failed one. postgres.js's own back-off
   * grows to 20 s after a few failures, shared by the pool: a query then waited up to 20 s for its turn during
   * an outage, and the app came back 10-20 s after PostgreSQL (bench/RESULTS.md). A refused connection costs
   * the server nothing, so half a second is enough.
   */
  reconnectBackoffMaxMs: 500,
} as const;

/** Seconds before the pool's next try after `failures` failed ones in a row: 50 ms doubling, at most reconnectBackoffMaxMs. */
export function reconnectBackoffSeconds(failures: number): number {
  return Math.min(50 * 2 ** failures, DATABASE_TIMEOUTS.reconnectBackoffMaxMs) / 1000;
}

/**
 * Node's HTTP server (server.ts), behind a proxy: Node's defaults held a slow-body connection for 300 s.
 * A form is at most 100 kB, which a phone on a poor line sends within seconds.
 */
export const HTTP_TIMEOUTS = {
  /** All headers of a request. */
  headersMs: 15_000,
  /** The whole request, headers and body. */
  requestMs: 30_000,
  /** Longer than a load balancer's idle time-out (60 s on the common ones), so it never reuses a closed socket. */
  keepAliveMs: 65_000,
} as const;

/** Who a request is, for the load shedder: a probe is never shed, the public job search last. */
export type RequestClass = 'probe' | 'public-search' | 'other';

/** By the routed path, in any letter case as Remix matches routes. */
export function requestClass(pathname: string | null): RequestClass {
  const path = (pathname ?? '').toLowerCase().replace(/\/+$/, '');
  if (path === '/healthz') return 'probe';
  if (path === '/jobs' || path.startsWith('/jobs/')) return 'public-search';
  return 'other';
}

/** Whether a new request is answered 503 now, given the work already in flight and a busy event loop. */
export function shouldShed(
  { requestClass: kind, inFlight, eventLoopBusy }: { requestClass: RequestClass; inFlight: number; eventLoopBusy: boolean },
  limits: Record<'maxInFlight' | 'publicSearchReserve', number> = LOAD_LIMITS,
): boolean {
  if (kind === 'probe') return false;
  if (kind === 'public-search') return inFlight >= limits.maxInFlight + limits.publicSearchReserve;
  return eventLoopBusy || inFlight >= limits.maxInFlight;
}
