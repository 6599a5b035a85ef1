/**
 * A small closed-loop HTTP load generator: `connections` keep-alive connections, each sending its next
 * request as soon as the previous answer has been read, for a fixed time. Only for 127.0.0.1.
 */
import http from 'node:http';
import { summarise, type Summary } from './env';

export type LoadOptions = {
  port: number;
  paths: readonly string[];
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
  requestTimeoutMs?: number;
};

export type LoadResult = {
  requests: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  bytes: number;
  elapsedMs: number;
  requestsPerSecond: number;
  latency: Summary;
};

function request(agent: http.Agent, options: LoadOptions, path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: '127.0.0.1', port: options.port, path, method: 'GET', agent, headers: options.headers },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on('error', reject);
      },
    );
    outgoing.setTimeout(options.requestTimeoutMs ?? 10_000, () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end();
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  async function connection() {
    while (performance.now() < deadline) {
      const path = options.paths[next++ % options.paths.length]!;
      const sent = performance.now();
      try {
        const answer = await request(agent, options, path);
        latencies.push(performance.now() - sent);
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        bytes += answer.bytes;
      } catch {
        errors++;
      }
    }
  }

  await Promise.all(Array.from({ length: options.connections }, connection));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  const ok = statuses['200'] ?? 0;
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
