// The editor beside the page (test/scenarios/sidepanel.ts) in Firefox: its sidebar's page, opened as a tab.
import { sidePanelScenarios } from '../scenarios/sidepanel';
import { scenarios } from './suite';

scenarios(sidePanelScenarios);
