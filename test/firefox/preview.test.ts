// The in-page preview's scenarios (test/scenarios/preview.ts) in Firefox; test/e2e/preview runs them in Chromium.
import { previewScenarios } from '../scenarios/preview';
import { scenarios } from './suite';

scenarios(previewScenarios);
