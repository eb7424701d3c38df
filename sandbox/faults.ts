import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './errors';
import type { SandboxEnv } from './hono-env';

// Failures on demand, so a client's handling of the statuses a healthy sandbox never sends (a 400 its own checks
// prevent, a 500 or 503 from a bad day at Statuspage) is tested over real HTTP too. POST /_control/faults queues
// one; the next matching management API request gets it instead of its answer.

/** The methods the management API answers; a fault may be kept to one of them. */
export const FAULT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type FaultMethod = (typeof FAULT_METHODS)[number];

/**
 * The key the words go under: `message` (`{"message": "..."}`, Statuspage's ErrorEntity) or `error`
 * (`{"error": "..."}`, what the real API sends for some refusals, e.g. 401, 404, 422).
 */
export const FAULT_SHAPES = ['message', 'error'] as const;
export type FaultShape = (typeof FAULT_SHAPES)[number];

export interface Fault {
  /** The HTTP status to answer with (400-599; rate limits have their own setting). */
  status: number;
  /** The words of the answer (under `message`, or under `error` when `shape` says so). */
  message: string;
  /** How many requests still get it. */
  times: number;
  /** Only requests whose path under /v1 starts with this (`/pages/abc`); every request when absent. */
  path?: string;
  /** Only requests with this method; every method when absent. */
  method?: FaultMethod;
  /** The body's key: `{"message"}` when absent. */
  shape?: FaultShape;
}

/** The plain words of the real API's generic answers, where the spec gives them. */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

export const defaultFaultMessage = (status: number): string => DEFAULT_MESSAGES[status] ?? `Failure ${status} (sandbox fault)`;

export class FaultQueue {
  #faults: Fault[] = [];

  add(fault: Fault): void {
    this.#faults.push({ ...fault });
  }

  /** The fault this request meets (its count goes down), or undefined. The first queued that matches wins. */
  take(method: string, pathUnderApi: string): Fault | undefined {
    const fault = this.#faults.find(
      (candidate) =>
        (candidate.path === undefined || pathUnderApi.startsWith(candidate.path)) && (candidate.method === undefined || candidate.method === method),
    );
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    return fault;
  }

  entries(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#faults = [];
  }
}

/** The answer a fault gives: its status, its words under `message` (as errorResponse writes every refusal) or `error`. */
function faultResponse(fault: Fault): Response {
  if (fault.shape !== 'error') return errorResponse(fault.status, fault.message);
  return new Response(JSON.stringify({ error: fault.message }), {
    status: fault.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** Answers a request with its queued fault, before anything else looks at it (a server failing is not picky). */
export function injectFaults(faults: FaultQueue, apiPrefix: string): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname.slice(apiPrefix.length) || '/';
    const fault = faults.take(c.req.method, path);
    if (fault) return faultResponse(fault);
    await next();
  };
}
