import type { SandboxSettings } from './config';
import type { FaultQueue } from './faults';
import type { RateLimiter } from './http/rate-limit';
import type { RequestLog } from './log/request-log';
import type { SandboxStore } from './state/store';

/** What the routes share: the state, the live settings and the runtime bookkeeping. */
export interface SandboxDeps {
  store: SandboxStore;
  /** Live settings; control endpoints change them, reset() restores the start values. */
  settings: SandboxSettings;
  requestLog: RequestLog;
  rateLimiter: RateLimiter;
  /** Failures queued by POST /_control/faults for the next management API requests. */
  faults: FaultQueue;
  /** The sandbox's clock (options.now, else the real time). */
  now(): Date;
  /** A clean slate: the seed, the start settings, an empty request log, empty rate-limit windows and no queued faults. */
  reset(): void;
}
