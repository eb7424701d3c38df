// The browser scenarios of test/scenarios/accessibility.ts, in Firefox (test/e2e runs them in Chromium).
import { accessibilityScenarios } from '../scenarios/accessibility';
import { scenarios } from './suite';

scenarios(accessibilityScenarios);
