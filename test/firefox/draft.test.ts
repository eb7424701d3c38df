// The browser scenarios of test/scenarios/drafts.ts, in Firefox (test/e2e runs them in Chromium).
import { draftScenarios } from '../scenarios/drafts';
import { scenarios } from './suite';

scenarios(draftScenarios);
