// The editor beside the page in Chromium: the scenario (test/scenarios/sidepanel.ts), then what only Chromium has
// (sidePanel.open from the popup's "Open beside the page").
import { sidePanelScenarios } from '../../scenarios/sidepanel';
import { chromium, expect, test } from '../fixtures';

sidePanelScenarios(chromium);

test('"Open beside the page" opens the side panel in the popup\'s window', async ({ popup, page, popupOver, context, sandbox }) => {
  await popup.close();
  await page.goto(`${sandbox.url}/`);
  const over = await popupOver(page);
  await over.getByRole('button', { name: 'Open beside the page' }).click();
  await expect(over.getByRole('alert')).toHaveCount(0);
  // Not a tab: the browser's own targets list the panel's page (CDP), which Playwright's pages do not include.
  const cdp = await context.newCDPSession(page);
  const targets = async () => ((await cdp.send('Target.getTargets')).targetInfos as Array<{ url: string }>).map((target) => target.url).join(' ');
  await expect.poll(targets, { timeout: 5_000 }).toContain('/sidepanel.html');
});
