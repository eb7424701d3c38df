import { browser } from 'wxt/browser';
import { connectionsItem } from '../connection/connections-item';
import { migrateSingleConnection } from '../connection/migrate-single-connection';
import { forgetSession } from '../connection/session';
import { dropSharedLimiter } from '../connection/shared-limiter';
import { saveEmbed } from '../embed/save-embed';
import { savePermissions } from '../permissions/save-permissions';
import { showBadge } from '../saves/badge';
import { nextResumeAt, RESUME_ALARM } from '../saves/resume-alarm';
import { registerSaveKind, resumeSaves } from '../saves/run-saves';
import { type SaveRecord, savesItem } from '../saves/save-record';
import { startTeamAccess } from '../team-access/team-access-background';
import { registerHandlers } from './routes';
import { closeLocalStorageToContentScripts } from './storage-access';

function scheduleResume(saves: Record<string, SaveRecord>): void {
  const when = nextResumeAt(saves, Date.now());
  if (when === undefined) void browser.alarms.clear(RESUME_ALARM);
  else void browser.alarms.create(RESUME_ALARM, { when });
}

// `org.<connection id>.apiKey` / `.rateLimiter`: a key changed, or a limiter's memory removed, from elsewhere.
const CONNECTION_KEY = /^org\.(c[a-z0-9]+)\.(apiKey|rateLimiter)$/;

/** Everything the service worker does when it starts (on install, on browser start, on any wake-up). */
export function startBackground(): void {
  // Listeners first and synchronously: the message or alarm that woke the worker must find them.
  registerSaveKind('embed', (save) => saveEmbed(save.request as Parameters<typeof saveEmbed>[0], save.retryAt));
  registerSaveKind('permissions', (save) => savePermissions(save.request as Parameters<typeof savePermissions>[0], save.retryAt));
  registerHandlers();
  // The Team access page's scan and bulk changes (resume alarm, start-up resumption) and the toolbar button's
  // context menu entry "Open Team access".
  startTeamAccess();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) void migrateSingleConnection().then(resumeSaves);
  });
  void (async () => {
    await closeLocalStorageToContentScripts().catch(() => {});
    await migrateSingleConnection();
    const saves = await savesItem.getValue();
    await showBadge(saves).catch(() => {});
    await resumeSaves();
    scheduleResume(await savesItem.getValue());
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
  // Every pending save (waiting, offline, in flight) has an alarm: a worker stopped under it is woken to go on.
  savesItem.watch(scheduleResume);
}
