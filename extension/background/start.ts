import { browser } from 'wxt/browser';
import { sealedApiKeyItem } from '../connection/api-key-item';
import { connectionItem } from '../connection/connection-item';
import { rateLimiterStateItem, savesItem } from '../saves/save-record';
import { showBadge } from '../saves/badge';
import { registerHandlers } from './routes';
import { resumeSaves } from '../saves/run-saves';
import { forgetSession } from '../connection/session';
import { dropSharedLimiter } from '../connection/shared-limiter';
import { closeLocalStorageToContentScripts } from './storage-access';

const RESUME_ALARM = 'resume-saves';

/** Everything the service worker does when it starts (on install, on browser start, on any wake-up). */
export function startBackground(): void {
  // Listeners first and synchronously: the message that woke the worker must find them.
  registerHandlers();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) void resumeSaves();
  });
  void (async () => {
    await closeLocalStorageToContentScripts().catch(() => {});
    const saves = await savesItem.getValue();
    await showBadge(saves).catch(() => {});
    await resumeSaves();
  })();
  // Storage is the truth: if the key, the connection or the limiter's memory is removed (a reset, a
  // cleared profile), the copies this worker holds in memory go too.
  sealedApiKeyItem.watch(forgetSession);
  connectionItem.watch(forgetSession);
  rateLimiterStateItem.watch((state) => {
    if (state !== null) return;
    dropSharedLimiter();
    forgetSession();
  });
  // A save waiting out a rate limit when the worker is stopped is picked up again by this alarm.
  savesItem.watch((saves) => {
    const next = Object.values(saves ?? {})
      .filter((save) => save.state === 'waiting' && save.retryAt !== undefined)
      .map((save) => save.retryAt!)
      .sort((a, b) => a - b)[0];
    if (next !== undefined) void browser.alarms.create(RESUME_ALARM, { when: Math.max(next, Date.now() + 1_000) });
  });
}
