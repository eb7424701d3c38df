import { Hono } from 'hono';
import { authenticate } from './http/auth';
import { refuseDeclaredOversize } from './http/body-limit';
import { delayAnswers } from './http/latency';
import { resolveSandboxConfig, type SandboxConfig, type SandboxOptions, type SandboxSettings } from './config';
import { guardControlRequests } from './control/guard';
import type { SandboxDeps } from './deps';
import { errorResponse, MESSAGES, SandboxHttpError } from './errors';
import { FaultQueue, injectFaults } from './faults';
import type { SandboxEnv } from './hono-env';
import { loadState, saveState } from './state/persistence';
import { RateLimiter, rateLimit } from './http/rate-limit';
import { logRequests, RequestLog } from './log/request-log';
import { controlRoutes } from './control/routes';
import { embedConfigRoutes } from './management/embed-config';
import { pageRoutes } from './management/pages';
import { permissionRoutes } from './management/permissions';
import { publicStatusRoutes } from './public/routes';
import { userRoutes } from './management/users';
import { createSeedState, SECOND_ORGANIZATION } from './seed/state';
import { SandboxStore } from './state/store';

/** The sandbox as a Hono app plus what a composer (npm start, tests) may need to reach into. */
export interface SandboxApp {
  /** Routes: /v1/* (management API), /status/:pageId/* (public), /_control/* (no key: bind to loopback only). */
  app: Hono<SandboxEnv>;
  store: SandboxStore;
  /** Live settings (rate limit, permissions response shape). */
  settings: SandboxSettings;
  requestLog: RequestLog;
  config: SandboxConfig;
  /** The seed, the start settings, an empty request log, empty rate-limit windows and no queued faults. */
  reset(): void;
}

function openStore(config: SandboxConfig): SandboxStore {
  const seed = () => createSeedState(config.organizationId, config.seedSize);
  const file = config.dataFile;
  const initial = file ? loadState(file) : undefined;
  if (file && initial && !initial.organizations.some((organization) => organization.id === config.organizationId)) {
    throw new Error(
      `sandbox data file ${file} holds organization ${initial.organizations[0]?.id}, not ${config.organizationId}: use the same organization id or delete the file`,
    );
  }
  const store = new SandboxStore({ seed, initial, now: config.now, onChange: file ? (state) => saveState(file, state) : undefined });
  if (file && !initial) saveState(file, store.state);
  return store;
}

/** Builds the sandbox (state loaded from the data file when one is named). Options override the environment. */
export function createSandboxApp(options: SandboxOptions = {}, env: Record<string, string | undefined> = process.env): SandboxApp {
  const config = resolveSandboxConfig(options, env);
  const store = openStore(config);
  const settings: SandboxSettings = structuredClone(config.settings);
  const requestLog = new RequestLog();
  const now = config.now ?? (() => new Date());
  const rateLimiter = new RateLimiter(
    () => settings.rateLimit,
    () => now().getTime(),
  );
  const faults = new FaultQueue();
  const organizationOfKey = new Map<string, string>([
    [config.apiKey, config.organizationId],
    [SECOND_ORGANIZATION.apiKey, SECOND_ORGANIZATION.id],
  ]);
  const reset = () => {
    store.reset();
    Object.assign(settings, structuredClone(config.settings));
    requestLog.clear();
    rateLimiter.clear();
    faults.clear();
  };
  const deps: SandboxDeps = { store, settings, requestLog, rateLimiter, faults, reset, now };

  // The management API sends no CORS headers, like api.statuspage.io: only an extension's host permission
  // lets a browser through, which is exactly what the tests must exercise.
  const api = new Hono<SandboxEnv>()
    .use('*', logRequests(requestLog, [...organizationOfKey.keys()]))
    .use('*', refuseDeclaredOversize())
    .use('*', injectFaults(faults, '/v1'))
    .use(
      '*',
      authenticate((key) => organizationOfKey.get(key)),
    )
    .use(
      '*',
      rateLimit(rateLimiter, () => settings.rateLimit),
    )
    .route('/', pageRoutes(deps))
    .route('/', userRoutes(deps))
    .route('/', embedConfigRoutes(deps))
    .route('/', permissionRoutes(deps));

  const app = new Hono<SandboxEnv>()
    .get('/', (c) =>
      c.json({
        name: 'Statuspage sandbox',
        management_api: `${new URL(c.req.url).origin}/v1`,
        status_pages: store.state.pages.map((page) => `${new URL(c.req.url).origin}/status/${page.page.id}/`),
        control: `${new URL(c.req.url).origin}/_control/pages`,
      }),
    )
    .use(
      '/v1/*',
      delayAnswers(() => settings.latency),
    )
    .use(
      '/status/*',
      delayAnswers(() => settings.latency),
    )
    .route('/v1', api)
    .route('/', publicStatusRoutes(deps))
    .use('/_control/*', guardControlRequests(), refuseDeclaredOversize())
    .route('/_control', controlRoutes(deps));

  app.notFound(() => errorResponse(404, MESSAGES.notFound));
  app.onError((error) => {
    if (error instanceof SandboxHttpError) return errorResponse(error.status, error.message, error.headers);
    console.error('[sandbox] unexpected error:', error);
    return errorResponse(500, `sandbox error: ${error.message}`);
  });

  return { app, store, settings, requestLog, config, reset };
}
