// The Team access scenarios of test/scenarios (issue 20's parts 1 to 8), in Firefox (test/e2e/team-access runs them
// in Chromium), on a small organization so that the scan's one read a second keeps the file short.
import { teamAccessChangeScenarios } from '../scenarios/team-access-changes';
import { teamAccessScanScenarios } from '../scenarios/team-access';
import { teamAccessWideScenarios } from '../scenarios/team-access-wide';
import { TEAM_ACCESS_SANDBOX } from '../scenarios/team-access-steps';
import { scenarios } from './suite';

scenarios((runner) => {
  teamAccessScanScenarios(runner);
  teamAccessChangeScenarios(runner);
  teamAccessWideScenarios(runner);
}, TEAM_ACCESS_SANDBOX);
