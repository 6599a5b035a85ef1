/**
 * A small closed-loop HTTP load generator: `connections` keep-alive connections, each sending its next
 * unit of work as soon as the previous one has been answered, for a fixed time. A unit is one page (a GET)
 * or the requests one page costs another server (e.g. the one or two multi-searches a /jobs page sends
 * Meilisearch), sent one after the other on the same connection. Only for 127.0.0.1.
 */
import http from 'node:http';
import { summarise, type Summary } from './env';

export type LoadRequest = { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

export type LoadOptions = {
  port: number;
  connections: number;
  durationMs: number;
  requestTimeoutMs?: number;
} & (
  | { paths: readonly string[]; headers?: Record<string, string> }
  /** Each unit counts as one: its requests go one after the other, as the page that causes them sends them. */
  | { units: readonly (readonly LoadRequest[])[] }
);

export type LoadResult = {
  /** Units (pages) sent. */
  requests: number;
  /** Units whose every answer was 200. */
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  bytes: number;
  elapsedMs: number;
  requestsPerSecond: number;
  latency: Summary;
};

function request(agent: http.Agent, port: number, timeoutMs: number, outgoingRequest: LoadRequest): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const headers = { ...outgoingRequest.headers };
    if (outgoingRequest.body !== undefined) headers['content-length'] = String(Buffer.byteLength(outgoingRequest.body));
    const outgoing = http.request(
      { host: '127.0.0.1', port, path: outgoingRequest.path, method: outgoingRequest.method ?? 'GET', agent, headers },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on('error', reject);
      },
    );
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(outgoingRequest.body);
  });
}

function unitsOf(options: LoadOptions): readonly (readonly LoadRequest[])[] {
  if ('units' in options) return options.units;
  return options.paths.map((path) => [{ path, headers: options.headers }]);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const units = unitsOf(options);
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let errors = 0;
  let ok = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  async function connection() {
    while (performance.now() < deadline) {
      const unit = units[next++ % units.length]!;
      const sent = performance.now();
      try {
        let allOk = true;
        for (const outgoing of unit) {
          const answer = await request(agent, options.port, timeoutMs, outgoing);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          bytes += answer.bytes;
          if (answer.status !== 200) allOk = false;
        }
        latencies.push(performance.now() - sent);
        if (allOk) ok++;
      } catch {
        errors++;
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, connection));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    requests: latencies.length + errors,
    ok,
    errors,
    statuses,
    bytes,
    elapsedMs,
    requestsPerSecond: ok / (elapsedMs / 1000),
    latency: summarise(latencies),
  };
}
