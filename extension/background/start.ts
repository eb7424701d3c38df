import { browser } from 'wxt/browser';
import { connectionsItem } from '../connection/connections-item';
import { migrateSingleConnection } from '../connection/migrate-single-connection';
import { forgetSession } from '../connection/session';
import { dropSharedLimiter } from '../connection/shared-limiter';
import { jobs, startJobs } from '../jobs/browser-engine';
import { showBadge } from '../saves/badge';
import { savesItem } from '../saves/save-record';
import { BACKGROUND_PARTS } from './features';
import { registerHandlers } from './routes';
import { closeLocalStorageToContentScripts } from './storage-access';

// `org.<connection id>.apiKey` / `.rateLimiter`: a key changed, or a limiter's memory removed, from elsewhere.
const CONNECTION_KEY = /^org\.(c[a-z0-9]+)\.(apiKey|rateLimiter)$/;

/** Everything the service worker does when it starts (on install, on browser start, on any wake-up). */
export function startBackground(): void {
  // Listeners first and synchronously: the message or alarm that woke the worker must find them.
  for (const feature of BACKGROUND_PARTS) for (const kind of feature.jobs ?? []) jobs.define(kind);
  registerHandlers();
  for (const feature of BACKGROUND_PARTS) feature.start?.();
  // The job engine resumes whatever was under way once the storage layout is current (the 0.1 single connection).
  startJobs(async () => {
    await migrateSingleConnection();
  });
  void (async () => {
    await closeLocalStorageToContentScripts().catch(() => {});
    await migrateSingleConnection();
    await showBadge(await savesItem.getValue()).catch(() => {});
  })();
  // Storage is the truth: if a key, a connection or a limiter's memory is removed (a reset, a cleared profile),
  // the copies this worker holds in memory go too.
  connectionsItem.watch(() => forgetSession());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      const match = CONNECTION_KEY.exec(key);
      if (!match) continue;
      // A key written elsewhere (a reset, another window) means a new session; a limiter's memory only when it is removed.
      if (match[2] === 'apiKey') forgetSession(match[1]!);
      else if (change.newValue === undefined) {
        dropSharedLimiter(match[1]!);
        forgetSession(match[1]!);
      }
    }
  });
}
