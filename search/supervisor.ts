/**
 * Keeps the embedded Meilisearch running: when the child exits without being asked to, it is started again on
 * the same data folder (and, if it is still free, the same port), after a back-off that grows while it keeps
 * failing. Once it answers, the process-wide search client points at it and `onRestarted` runs (the app wakes
 * the outbox drain there, so the backlog goes in at once). The state lives on globalThis, so /healthz, which
 * runs in the Remix bundle, reports what server.ts's supervisor sees (as search/client.ts shares its client).
 */
import { configureSearch, searchIndexNames } from './client';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from './embedded';
import { RESTART_BACKOFF } from '../app/domain/reliability';

export type SearchSupervision = {
  state: 'running' | 'restarting' | 'stopped';
  /** Restarts since the app started. */
  restarts: number;
  /** How the child ended last, e.g. "signal SIGKILL", and when (ISO time). */
  lastExit: string | null;
  lastExitAt: string | null;
  /** Why the last restart attempt failed, when it did. */
  lastError: string | null;
};

const globalStore = globalThis as typeof globalThis & { __jobbroSearchSupervision?: SearchSupervision };

/** The embedded Meilisearch's supervision, or null when there is none (MEILI_URL, or a test). */
export function searchSupervision(): SearchSupervision | null {
  return globalStore.__jobbroSearchSupervision ?? null;
}

/** The wait before restart number `attempt` (1, 2, …) of a child that keeps failing. */
export function restartDelayMs(attempt: number): number {
  return Math.min(RESTART_BACKOFF.firstMs * 2 ** Math.max(0, attempt - 1), RESTART_BACKOFF.maxMs);
}

type SupervisorOptions = {
  dataDir: string;
  binary?: string;
  onRestarted?: (embedded: EmbeddedMeilisearch) => void;
  log?: Pick<Console, 'info' | 'warn'>;
};

export type SupervisedMeilisearch = {
  current: () => EmbeddedMeilisearch | null;
  stop: () => Promise<void>;
};

function describeExit({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/**
 * Starts the embedded Meilisearch (throws, as startEmbeddedMeilisearch does, if the first start fails) and
 * supervises it until stop().
 */
export async function superviseEmbeddedMeilisearch({ dataDir, binary, onRestarted, log = console }: SupervisorOptions): Promise<SupervisedMeilisearch> {
  let embedded: EmbeddedMeilisearch | null = await startEmbeddedMeilisearch({ dataDir, binary });
  const status: SearchSupervision = { state: 'running', restarts: 0, lastExit: null, lastExitAt: null, lastError: null };
  globalStore.__jobbroSearchSupervision = status;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let failedAttempts = 0;
  let startedAt = Date.now();
  let restarting: Promise<void> = Promise.resolve();

  function watch(child: EmbeddedMeilisearch) {
    void child.exited.then((exit) => {
      if (stopping || embedded !== child) return;
      embedded = null;
      status.state = 'restarting';
      status.lastExit = describeExit(exit);
      status.lastExitAt = new Date().toISOString();
      // A child that ran a good while before dying starts the back-off afresh.
      if (Date.now() - startedAt > RESTART_BACKOFF.stableAfterMs) failedAttempts = 0;
      log.warn(`Meilisearch stoppede (${status.lastExit}); den startes igen.`);
      schedule(child.url);
    });
  }

  function schedule(previousUrl: string) {
    failedAttempts += 1;
    timer = setTimeout(() => (restarting = restart(previousUrl)), restartDelayMs(failedAttempts));
    timer.unref();
  }

  async function restart(previousUrl: string) {
    if (stopping) return;
    try {
      const next = await startEmbeddedMeilisearch({ dataDir, binary, port: Number(new URL(previousUrl).port) });
      if (stopping) {
        await next.stop();
        return;
      }
      embedded = next;
      startedAt = Date.now();
      status.state = 'running';
      status.restarts += 1;
      status.lastError = null;
      configureSearch({ host: next.url, apiKey: next.masterKey, indexNames: searchIndexNames() });
      log.info(`Meilisearch kører igen på ${next.url} (genstart nr. ${status.restarts}).`);
      watch(next);
      onRestarted?.(next);
    } catch (error) {
      status.lastError = (error as Error).message.split('\n')[0]!.slice(0, 300);
      log.warn(`Meilisearch kunne ikke genstartes (${status.lastError}); prøver igen om ${restartDelayMs(failedAttempts + 1) / 1000} s.`);
      schedule(previousUrl);
    }
  }

  watch(embedded);
  return {
    current: () => embedded,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await restarting;
      status.state = 'stopped';
      await embedded?.stop();
    },
  };
}
