// The editor beside the page (test/scenarios/sidepanel.ts) in Chromium; test/firefox/sidepanel.test.ts runs it in Firefox.
import { sidePanelScenarios } from '../../scenarios/sidepanel';
import { chromium } from '../fixtures';

sidePanelScenarios(chromium);
