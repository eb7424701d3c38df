// What the popup's Playwright specs share beyond the fixtures (test/e2e/fixtures.ts): the scenario steps on a
// Playwright page, and the clipboard read back as a person reads it.
import type { Page } from '@playwright/test';
import type { Expect } from '../../drivers/driver';
import { tabOf } from '../../drivers/playwright';
import * as steps from '../../scenarios/steps';
import { expect } from '../fixtures';

export { apiCall, logged, queueFault, type SeedUser, seedUsers, setRateLimit } from '../../support/sandbox-api';

/** Picks a user in the Permissions tab's combobox by typing and Enter, as from the keyboard (test/scenarios/steps.ts). */
export const pickUser = (page: Page, text: string): Promise<void> => steps.pickUser(tabOf(page), text);

/** The save this popup sent has succeeded: "Saved." shows, and no draft is left (test/scenarios/steps.ts). */
export const expectSaved = (page: Page, timeout = 5_000): Promise<void> =>
  steps.expectSaved({ expect: expect as unknown as Expect }, tabOf(page), timeout);

/**
 * What the clipboard holds, read back the way a person would: paste it into a new text box on the page. Call it
 * after the popup said it copied ("Copied ..."): the write is asynchronous, and a paste before it ends reads the old.
 */
export async function paste(page: Page): Promise<string> {
  await page.evaluate(() => {
    document.getElementById('paste-here')?.remove();
    const area = document.createElement('textarea');
    area.id = 'paste-here';
    document.body.append(area);
    area.focus();
  });
  await page.keyboard.press('ControlOrMeta+V');
  return page.locator('#paste-here').inputValue();
}
