import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicWork } from '../../app/services/periodic-work.server';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('work the app runs by itself on a timer', () => {
  it('runs first after its delay, then every interval, one run at a time, and stop waits for a run under way', async () => {
    vi.useFakeTimers();
    const started: number[] = [];
    let finish: () => void = () => {};
    const worker = startPeriodicWork(
      'test',
      () => {
        started.push(started.length + 1);
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { firstRunAfterMs: 1_000, intervalMs: 5_000 },
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual([1]);
    // The interval comes while the first run is still going: the second waits for it instead of overlapping.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toEqual([1]);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([1, 2]);
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    // Stopped: no more runs, however long the app lives on.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toEqual([1, 2]);
  });

  it('logs a failed run by its kind and an error id, never the data in the message, and tries again next time', async () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let runs = 0;
    const worker = startPeriodicWork(
      'social marks',
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('duplicate key value (company_id)=(Kattegat Lager & Logistik A/S)');
      },
      { firstRunAfterMs: 10, intervalMs: 100 },
    );
    await vi.advanceTimersByTimeAsync(10);
    const line = logged.mock.calls.flat().join(' ');
    expect(line).toContain('social marks');
    expect(line).not.toContain('Kattegat');
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    await worker.stop();
  });
});
