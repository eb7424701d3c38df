// The in-page preview's scenarios (test/scenarios/preview.ts) in Chromium; test/firefox/preview.test.ts runs them in Firefox.
import { previewScenarios } from '../../scenarios/preview';
import { chromium } from '../fixtures';

previewScenarios(chromium);
