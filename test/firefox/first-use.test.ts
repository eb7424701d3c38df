// What a new user tripped on (test/scenarios/first-use.ts), in Firefox (test/e2e runs them in Chromium).
import { firstUseScenarios } from '../scenarios/first-use';
import { scenarios } from './suite';

scenarios(firstUseScenarios);
