// The browser scenarios of test/scenarios/embed.ts, in Firefox (test/e2e runs them in Chromium).
import { embedScenarios } from '../scenarios/embed';
import { scenarios } from './suite';

scenarios(embedScenarios);
