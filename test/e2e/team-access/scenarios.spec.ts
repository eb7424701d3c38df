// The Team access scenarios of test/scenarios (issue 20's parts 1 to 8), in Chromium (test/firefox runs them in
// Firefox), on the small organization of ./fixtures.ts. What only Chromium can do stays in the other specs here:
// stopping the service worker mid-scan and mid-batch (scan.spec.ts, bulk.spec.ts), colour-scheme emulation for axe
// (matrix.spec.ts), a new tab opened by the extension (open.spec.ts), and a stored matrix from the version before
// written from the worker (migration.spec.ts).
import { teamAccessScanScenarios } from '../../scenarios/team-access';
import { teamAccessChangeScenarios } from '../../scenarios/team-access-changes';
import { teamAccessWideScenarios } from '../../scenarios/team-access-wide';
import type { ScenarioRunner } from '../../scenarios/steps';
import { test } from './fixtures';

const chromium: ScenarioRunner = { it: test, browser: 'chromium' };
teamAccessScanScenarios(chromium);
teamAccessChangeScenarios(chromium);
teamAccessWideScenarios(chromium);
