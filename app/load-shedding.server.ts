/**
 * Bounded work in flight: every page and API request counts while it runs, and beyond LOAD_LIMITS, or while
 * the event loop has been held up for a while, a new one is answered 503 with Retry-After at once (a few
 * hundred bytes) instead of being queued behind the rest. /healthz is never shed, and the public job search
 * has places of its own (app/domain/reliability.ts). The state is kept on globalThis for /healthz.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type express from 'express';
import { isApiPath, routedPath } from './auth/origin.server';
import { LOAD_LIMITS, requestClass, shouldShed } from './domain/reliability';
import { answerUnavailable } from './unavailable.server';

export type LoadState = { inFlight: number; eventLoopDelayMs: number; shed: number };

const globalStore = globalThis as typeof globalThis & { __jobbroLoad?: () => LoadState };

/** The shedder's state, or null when none runs (tests of services). */
export function loadState(): LoadState | null {
  return globalStore.__jobbroLoad?.() ?? null;
}

type Limits = Record<'maxInFlight' | 'publicSearchReserve' | 'eventLoopDelayMs' | 'eventLoopWindowMs', number>;

export function createLoadShedder(limits: Limits = LOAD_LIMITS) {
  let inFlight = 0;
  let shed = 0;
  let lastWindowDelayMs = 0;
  // Busy only when two windows in a row were held up: one slow render or a GC pause is no overload.
  let slowWindowsInARow = 0;
  const delays = monitorEventLoopDelay({ resolution: 20 });
  delays.enable();
  const sampler = setInterval(() => {
    lastWindowDelayMs = delays.max / 1e6;
    delays.reset();
    slowWindowsInARow = lastWindowDelayMs > limits.eventLoopDelayMs ? slowWindowsInARow + 1 : 0;
  }, limits.eventLoopWindowMs);
  sampler.unref();
  const state = (): LoadState => ({ inFlight, eventLoopDelayMs: Math.round(lastWindowDelayMs), shed });
  globalStore.__jobbroLoad = state;

  const middleware: express.RequestHandler = (req, res, next) => {
    const path = routedPath(req.originalUrl);
    const kind = requestClass(path);
    if (shouldShed({ requestClass: kind, inFlight, eventLoopBusy: slowWindowsInARow >= 2 }, limits)) {
      shed += 1;
      // Whatever body comes is read and dropped by Node once the answer is sent.
      answerUnavailable(res, { api: isApiPath(req.originalUrl), reason: 'busy' });
      return;
    }
    inFlight += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };

  return {
    middleware,
    state,
    stop: () => {
      clearInterval(sampler);
      delays.disable();
      if (globalStore.__jobbroLoad === state) globalStore.__jobbroLoad = undefined;
    },
  };
}
