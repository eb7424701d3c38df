import { type Latency, NO_LATENCY, readLatency } from './http/latency';
import { DEFAULT_API_KEY, DEFAULT_ORGANIZATION_ID, DEFAULT_SEED_SIZE, SECOND_ORGANIZATION, SEED_PAGE_COUNT, type SeedSize } from './seed/state';

export interface RateLimitSettings {
  /** At most this many accepted requests per key... */
  limit: number;
  /** ...in any rolling window this long. */
  windowMs: number;
  /** How a rejection answers: 429, or 420 as Statuspage has also been seen to. */
  status: 429 | 420;
}

/**
 * How GET/PUT permissions answer: `list` is the spec's examples (`{user_id, pages: [{page_id, ...roles}]}`),
 * `data-map` its schema (`{data: {user_id, pages: {<page_id>: roles}}}`). Clients must read both.
 */
export type PermissionsResponseShape = 'list' | 'data-map';
export const PERMISSIONS_RESPONSE_SHAPES: readonly PermissionsResponseShape[] = ['list', 'data-map'];

/** What can change at run time (POST /_control/rate-limit, /_control/settings); reset() restores the start values. */
export interface SandboxSettings {
  rateLimit: RateLimitSettings;
  permissionsResponseShape: PermissionsResponseShape;
  /** The delay of every management and public API answer (none by default). */
  latency: Latency;
}

export interface SandboxOptions {
  /** startSandbox only: 0 (the default) picks a free port. The server binds 127.0.0.1. */
  port?: number;
  /** The demo organization's key; env SANDBOX_API_KEY, else `sandbox-demo-key`. */
  apiKey?: string;
  /** The demo organization's id; env SANDBOX_ORGANIZATION_ID, else `sbx0demo0org`. */
  organizationId?: string;
  /** Env SANDBOX_RATE_LIMIT, SANDBOX_RATE_WINDOW_MS, SANDBOX_RATE_LIMIT_STATUS; default 60 per 60 000 ms, 429. */
  rateLimit?: Partial<RateLimitSettings>;
  /** Env SANDBOX_PERMISSIONS_SHAPE; default `list`. */
  permissionsResponseShape?: PermissionsResponseShape;
  /** Keep state in this JSON file (loaded at start, rewritten after every change); env SANDBOX_DATA_FILE. */
  dataFile?: string;
  /** The clock behind incident timestamps and the rate limit's window; the real time when omitted. */
  now?: () => Date;
  /** Users of the demo organization (env SANDBOX_USERS; default 137): a larger organization for tests and benchmarks. */
  users?: number;
  /** Pages of the demo organization, the three demo pages included (env SANDBOX_PAGES; default 3). */
  pages?: number;
  /**
   * Delay every management and public API answer, as the real API is from a browser: one number of milliseconds, or
   * a range `[200, 400]` / `'200-400'` drawn from per request (env SANDBOX_LATENCY_MS, `300` or `200-400`; default none).
   */
  latencyMs?: number | readonly [number, number] | string;
}

export interface SandboxConfig {
  apiKey: string;
  organizationId: string;
  settings: SandboxSettings;
  dataFile: string | undefined;
  now: (() => Date) | undefined;
  /** How large the seeded demo organization is. */
  seedSize: SeedSize;
}

/** Where `npm run sandbox` listens unless PORT says otherwise (startSandbox itself defaults to a free port). */
export const DEFAULT_SANDBOX_PORT = 4100;

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { limit: 60, windowMs: 60_000, status: 429 };

/** Checks a (partial) rate limit; returns a list of plain-language problems. */
export function rateLimitProblems(value: Partial<Record<keyof RateLimitSettings, unknown>>): string[] {
  const problems: string[] = [];
  const positiveInteger = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0;
  if (value.limit !== undefined && !positiveInteger(value.limit)) problems.push('limit must be a whole number above 0');
  if (value.windowMs !== undefined && !positiveInteger(value.windowMs)) {
    problems.push('windowMs must be a whole number of milliseconds above 0');
  }
  if (value.status !== undefined && value.status !== 429 && value.status !== 420) problems.push('status must be 429 or 420');
  return problems;
}

function envInteger(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export const MAX_SEED_USERS = 100_000;
export const MAX_SEED_PAGES = 1_000;

function seedSizeOf(options: SandboxOptions, env: Record<string, string | undefined>): SeedSize {
  const users = options.users ?? envInteger(env, 'SANDBOX_USERS') ?? DEFAULT_SEED_SIZE.users;
  const pages = options.pages ?? envInteger(env, 'SANDBOX_PAGES') ?? DEFAULT_SEED_SIZE.pages;
  if (!Number.isInteger(users) || users < 1 || users > MAX_SEED_USERS) {
    throw new Error(`users (SANDBOX_USERS) must be a whole number from 1 to ${MAX_SEED_USERS}, got ${users}`);
  }
  if (!Number.isInteger(pages) || pages < SEED_PAGE_COUNT || pages > MAX_SEED_PAGES) {
    throw new Error(`pages (SANDBOX_PAGES) must be a whole number from ${SEED_PAGE_COUNT} (the demo pages) to ${MAX_SEED_PAGES}, got ${pages}`);
  }
  return { users, pages };
}

const ID_SYNTAX = /^[A-Za-z0-9_-]{1,64}$/;

/** Options first, then the environment, then the defaults; anything invalid throws a clear Error. */
export function resolveSandboxConfig(options: SandboxOptions = {}, env: Record<string, string | undefined> = process.env): SandboxConfig {
  const apiKey = options.apiKey ?? env.SANDBOX_API_KEY ?? DEFAULT_API_KEY;
  const organizationId = options.organizationId ?? env.SANDBOX_ORGANIZATION_ID ?? DEFAULT_ORGANIZATION_ID;
  if (!apiKey.trim() || /\s/.test(apiKey)) throw new Error('the sandbox API key must be a non-empty string without spaces');
  if (apiKey === SECOND_ORGANIZATION.apiKey) throw new Error(`the API key ${apiKey} belongs to the second organization`);
  if (!ID_SYNTAX.test(organizationId)) throw new Error(`organizationId must be 1-64 letters, digits, - or _, got "${organizationId}"`);

  const rateLimit: RateLimitSettings = {
    limit: options.rateLimit?.limit ?? envInteger(env, 'SANDBOX_RATE_LIMIT') ?? DEFAULT_RATE_LIMIT.limit,
    windowMs: options.rateLimit?.windowMs ?? envInteger(env, 'SANDBOX_RATE_WINDOW_MS') ?? DEFAULT_RATE_LIMIT.windowMs,
    status: (options.rateLimit?.status ?? envInteger(env, 'SANDBOX_RATE_LIMIT_STATUS') ?? DEFAULT_RATE_LIMIT.status) as 429 | 420,
  };
  const problems = rateLimitProblems(rateLimit);
  if (problems.length > 0) throw new Error(`sandbox rate limit: ${problems.join('; ')}`);

  const shape = options.permissionsResponseShape ?? env.SANDBOX_PERMISSIONS_SHAPE ?? 'list';
  if (!(PERMISSIONS_RESPONSE_SHAPES as readonly string[]).includes(shape)) {
    throw new Error(`permissionsResponseShape must be list or data-map, got "${shape}"`);
  }
  const latencyInput = options.latencyMs ?? (env.SANDBOX_LATENCY_MS?.trim() || undefined);
  const latency = latencyInput === undefined ? NO_LATENCY : readLatency(latencyInput);
  if (typeof latency === 'string') throw new Error(`${latency} (latencyMs, SANDBOX_LATENCY_MS)`);
  const dataFile = options.dataFile ?? (env.SANDBOX_DATA_FILE?.trim() || undefined);
  return {
    apiKey,
    organizationId,
    settings: { rateLimit, permissionsResponseShape: shape as PermissionsResponseShape, latency },
    dataFile,
    now: options.now,
    seedSize: seedSizeOf(options, env),
  };
}
