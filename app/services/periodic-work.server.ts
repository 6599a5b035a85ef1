import { logUnexpectedError } from '../error-log.server';

export type PeriodicWork = { stop: () => Promise<void> };

/**
 * A job the app runs by itself on a timer (the retention sweep, the scheduled notifications, the companies'
 * marks): first after `firstRunAfterMs`, then every `intervalMs`, one run at a time (a slow run delays the
 * next instead of overlapping it). A failed run is logged by its kind and an error id only
 * (logUnexpectedError, never the rows it was about), and the next run tries again. The timers do not keep the
 * process alive; `stop` waits for a run under way.
 */
export function startPeriodicWork(
  where: string,
  work: () => Promise<unknown>,
  { firstRunAfterMs, intervalMs }: { firstRunAfterMs: number; intervalMs: number },
): PeriodicWork {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(work).catch((error: unknown) => logUnexpectedError(error, where));
  };
  const first = setTimeout(run, firstRunAfterMs);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
