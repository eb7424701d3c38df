import type { MiddlewareHandler } from 'hono';

// SANDBOX_LATENCY_MS: every answer of the Statuspage API (management and public) is delayed as the real one is from
// a browser (200-400 ms), so a client's pipelining and its limiter's schedule meet real round trips. Half the delay
// before the request is handled (its trip out), half after (the answer's trip back). Control endpoints answer at once.

/** A delay drawn uniformly from `minMs` to `maxMs` for each request; 0-0 is none. */
export interface Latency {
  minMs: number;
  maxMs: number;
}

export const NO_LATENCY: Latency = { minMs: 0, maxMs: 0 };
export const MAX_LATENCY_MS = 60_000;

const wholeMs = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_LATENCY_MS;

/** `300`, `"300"`, `"200-400"` or `[200, 400]` as a Latency; a plain-language problem otherwise. */
export function readLatency(value: unknown): Latency | string {
  let range: unknown[] | undefined;
  if (typeof value === 'number') range = [value, value];
  else if (Array.isArray(value) && value.length === 2) range = value;
  else if (typeof value === 'string' && /^\s*\d+\s*(?:-\s*\d+\s*)?$/.test(value)) {
    const [min, max = min] = value.split('-').map((part) => Number(part.trim()));
    range = [min, max];
  }
  const [minMs, maxMs] = range ?? [];
  if (!wholeMs(minMs) || !wholeMs(maxMs) || (maxMs as number) < (minMs as number)) {
    return `latency must be milliseconds from 0 to ${MAX_LATENCY_MS}, one number (300) or a range (200-400, the smaller first), got ${JSON.stringify(value)?.slice(0, 60)}`;
  }
  return { minMs: minMs as number, maxMs: maxMs as number };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Delays every request under it by the current setting (read per request, so a control change applies at once). */
export function delayAnswers(latency: () => Latency, random: () => number = Math.random): MiddlewareHandler {
  return async (_c, next) => {
    const { minMs, maxMs } = latency();
    const delay = minMs + Math.round(random() * (maxMs - minMs));
    if (delay > 0) await sleep(delay / 2);
    await next();
    if (delay > 0) await sleep(delay / 2);
  };
}
