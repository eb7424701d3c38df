import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JOBS_ALARM, jobs, setJobsAlarm, startJobs } from '../../../../extension/jobs/browser-engine';
import type { JobKind } from '../../../../extension/jobs/job-kind';

beforeEach(() => fakeBrowser.reset());

describe("the engine's one alarm in the browser", () => {
  it('keeps an alarm that fires sooner, moves one that fires later, and goes when nothing is pending', async () => {
    const now = Date.now();
    await setJobsAlarm(now + 60_000);
    expect((await fakeBrowser.alarms.get(JOBS_ALARM))?.scheduledTime).toBe(now + 60_000);
    await setJobsAlarm(now + 90_000);
    expect((await fakeBrowser.alarms.get(JOBS_ALARM))?.scheduledTime).toBe(now + 60_000);
    await setJobsAlarm(now + 30_000);
    expect((await fakeBrowser.alarms.get(JOBS_ALARM))?.scheduledTime).toBe(now + 30_000);
    await setJobsAlarm(undefined);
    expect(await fakeBrowser.alarms.get(JOBS_ALARM)).toBeUndefined();
  });

  it('resumes pending jobs at start, and when woken by its alarm or by an alarm of the version before the engine', async () => {
    const runs: string[] = [];
    let pending = [{ id: 'j1' }];
    const kind: JobKind = {
      name: 'browser-engine-test',
      pending: async () => pending,
      watch: () => {},
      run: async (id) => {
        runs.push(id);
      },
    };
    jobs.define(kind);
    await fakeBrowser.alarms.create('resume-saves', { when: Date.now() + 60_000 });
    startJobs();
    await expect.poll(() => runs).toEqual(['j1']);
    await expect.poll(async () => fakeBrowser.alarms.get('resume-saves')).toBeUndefined();

    pending = [{ id: 'j2' }];
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'team-access-resume', scheduledTime: Date.now(), persistAcrossSessions: true });
    await expect.poll(() => runs).toEqual(['j1', 'j2']);
    pending = [{ id: 'j3' }];
    await fakeBrowser.alarms.onAlarm.trigger({ name: JOBS_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await expect.poll(() => runs).toEqual(['j1', 'j2', 'j3']);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'another-alarm', scheduledTime: Date.now(), persistAcrossSessions: true });
    expect(runs).toEqual(['j1', 'j2', 'j3']);
  });
});
