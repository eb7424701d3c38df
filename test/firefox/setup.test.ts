// The browser scenarios of test/scenarios/setup.ts, in Firefox (test/e2e runs them in Chromium).
import { setupScenarios } from '../scenarios/setup';
import { scenarios } from './suite';

scenarios(setupScenarios);
