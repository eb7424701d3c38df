import { browser } from 'wxt/browser';
import { systemClock } from '../../shared/rate-limit';
import { keepAliveWhile } from './keep-alive';
import { createEngine } from './engine';
import { storedProgress } from './job-progress';
import { waitForOnline } from './online';

/** The engine's one alarm: a worker stopped under a pending job is woken to go on with it. */
export const JOBS_ALARM = 'jobs';
/** The alarms of the versions before the engine (saves; Team access): a profile updated mid-job may still hold one. */
const LEGACY_ALARMS = ['resume-saves', 'team-access-resume'];

/** Sets the one alarm; exported for its test. */
export async function setJobsAlarm(when: number | undefined): Promise<void> {
  if (when === undefined) {
    await browser.alarms.clear(JOBS_ALARM);
    return;
  }
  // An alarm that fires sooner stays: waking early only finds the jobs running or still waiting, and sets it again.
  const existing = await browser.alarms.get(JOBS_ALARM);
  if (existing && existing.scheduledTime <= when && existing.scheduledTime > Date.now()) return;
  await browser.alarms.create(JOBS_ALARM, { when });
}

/** The background's job engine (one per worker). */
export const jobs = createEngine({
  now: () => Date.now(),
  sleep: (ms, signal) => systemClock.sleep(ms, signal),
  // Service worker (Chrome) or event page (Firefox): both have navigator.onLine and the online event.
  isOnline: () => navigator.onLine,
  waitForOnline,
  keepAlive: keepAliveWhile,
  setAlarm: setJobsAlarm,
  progress: storedProgress,
});

/**
 * At every worker start, after the kinds are defined: the alarm listener (synchronously, so the alarm that woke the
 * worker finds it), then resumption of whatever was under way.
 */
export function startJobs(before: () => Promise<void> = async () => {}): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== JOBS_ALARM && !LEGACY_ALARMS.includes(alarm.name)) return;
    void before()
      .then(() => jobs.resume())
      .then(() => jobs.schedule())
      .catch(() => {});
  });
  void (async () => {
    await before();
    for (const name of LEGACY_ALARMS) await browser.alarms.clear(name);
    await jobs.resume();
    await jobs.schedule();
  })().catch(() => {});
}
