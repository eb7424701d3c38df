// The browser scenarios of test/scenarios/permissions.ts, in Firefox (test/e2e runs them in Chromium).
import { permissionsScenarios } from '../scenarios/permissions';
import { scenarios } from './suite';

scenarios(permissionsScenarios);
