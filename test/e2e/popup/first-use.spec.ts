// What a new user tripped on (test/scenarios/first-use.ts), in Chromium.
import { firstUseScenarios } from '../../scenarios/first-use';
import { chromium } from '../fixtures';

firstUseScenarios(chromium);
