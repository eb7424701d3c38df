// An embed save: corner and colours edited in the popup go out as a PATCH of only the changed fields, the preview is
// the widget's own card in them, and the sandbox holds them afterwards; a refused save keeps the draft and says why.
import { SEED_PAGE_IDS } from '../../sandbox';
import type { Scope } from '../drivers/driver';
import { apiCall, connectThroughSetup, eventually, expectSaved, logged, queueFault, type ScenarioRunner } from './steps';

const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 on #1A1A1A text, maintenance #0B5394

/** Which corner of its preview the card is drawn in, measured on screen (not read from a class name). */
async function cornerOf(popup: Scope, preview: string): Promise<string> {
  const frame = await (await popup.byTestId(preview)).box();
  const card = await (await popup.byCss([`[data-testid="${preview}"]`, '.card'])).box();
  if (!frame || !card) return 'none';
  const vertical = card.y + card.height / 2 < frame.y + frame.height / 2 ? 'top' : 'bottom';
  const horizontal = card.x + card.width / 2 < frame.x + frame.width / 2 ? 'left' : 'right';
  return `${vertical}-${horizontal}`;
}

const INCIDENT_CARD = ['[data-testid="preview-incident"]', '.card'];

export function embedScenarios({ it }: ScenarioRunner): void {
  it('colours and corner are saved with a PATCH of only the changed fields, and the preview matches', { tag: ['@screenshot'] }, async ({
    driver,
  }) => {
    const { sandbox, expect } = driver;
    const page = await connectThroughSetup(driver);
    await page.setViewport(440, 600);
    await (await page.byLabel('Page')).select(payments);
    const incidentBackground = await page.byLabel('Incident background');
    await eventually(driver, () => incidentBackground.value()).toBe('#ffb000');

    await (await page.byRole('radio', 'Top left')).click();
    await incidentBackground.fill('#0b3d91');
    const incidentText = await page.byLabel('Incident text');
    await incidentText.fill('#334455');
    // #334455 on #0b3d91 is far below 4.5:1: the warning says so.
    const contrast = await page.byTestId('contrast-incident');
    await eventually(driver, () => contrast.text()).toContain('below the 4.5:1');
    await incidentText.fill('#ffffff');
    await eventually(driver, () => contrast.text()).toContain('WCAG AA');
    expect(await contrast.text()).not.toContain('below');

    // The preview is the widget's own card (in a shadow root), in the chosen corner, in the chosen colours.
    await eventually(driver, async () => (await page.byCss(INCIDENT_CARD)).css('background-color')).toBe('rgb(11, 61, 145)');
    await eventually(driver, async () => (await page.byCss(INCIDENT_CARD)).css('color')).toBe('rgb(255, 255, 255)');
    await eventually(driver, () => cornerOf(page, 'preview-incident')).toBe('top-left');
    // One card at real size, legible: its name is 15 px text, not a scaled-down picture.
    expect(await (await page.byCss(['[data-testid="preview-incident"]', '.name'])).css('font-size')).toBe('15px');
    await (await page.byRole('radio', 'Maintenance')).click();
    await eventually(driver, () => cornerOf(page, 'preview-maintenance')).toBe('top-left');
    await (await page.byRole('radio', 'Incident')).click();
    await page.screenshot('popup-embed.png');

    await (await page.byRole('button', 'Save')).click();
    await expectSaved(driver, page);

    const patches = logged(sandbox, 'PATCH', `/pages/${payments}/status_embed_config`);
    expect(patches.map((entry) => entry.status)).toEqual([200]);
    // Only the changed fields, the corner in the spelling the page already used (underscores).
    expect(patches[0]!.body).toEqual({
      status_embed_config: { position: 'top_left', incident_background_color: '#0b3d91', incident_text_color: '#ffffff' },
    });
    expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({
      position: 'top_left',
      incident_background_color: '#0b3d91',
      incident_text_color: '#ffffff',
      maintenance_background_color: '#0B5394',
    });
    // After the save, the editor shows what the server now holds, and the preview still matches it.
    expect(await (await page.byRole('radio', 'Top left')).checked()).toBe(true);
    expect(await incidentBackground.value()).toBe('#0b3d91');
    expect(await (await page.byCss(INCIDENT_CARD)).css('background-color')).toBe('rgb(11, 61, 145)');
    await eventually(driver, () => cornerOf(page, 'preview-incident')).toBe('top-left');
  });

  it('a 422 shows the server\'s words next to the field; the draft survives a reopen; "!" stays until a save succeeds', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const page = await connectThroughSetup(driver);
    await (await page.byLabel('Page')).select(payments);
    await eventually(driver, async () => (await page.byLabel('Incident background')).value()).toBe('#ffb000');
    const field = await page.byLabel('Incident text');
    await eventually(driver, () => field.value()).toBe('#1a1a1a');
    await field.fill('#102030');

    // The sandbox accepts every colour the editor sends: Statuspage's own refusal, for the next save, is a queued fault.
    const refusal = 'incident_text_color is not a colour this plan allows';
    await queueFault(sandbox, { status: 422, method: 'PATCH', path: `/pages/${payments}/status_embed_config`, shape: 'error', message: refusal });
    await (await page.byRole('button', 'Save')).click();
    await eventually(driver, async () => (await page.byCss('#incident_text_color-message')).text()).toBe(`Statuspage: ${refusal}`);
    await eventually(driver, () => field.attribute('aria-invalid')).toBe('true');
    expect(await field.description()).toBe(`Statuspage: ${refusal}`);
    // The notice (an alert, with its own Dismiss button) says what happened and that the draft stays.
    await eventually(driver, () => page.texts('alert')).toContainEqual(
      expect.stringContaining(`Not saved. Statuspage refused the values for the page "Acme Payments" (422): ${refusal}. Your draft is kept.`),
    );
    await eventually(driver, () => driver.badge()).toBe('!');

    // Closed and opened again: the draft and the reason are still there.
    await page.close();
    const reopened = await driver.openPopup();
    await eventually(driver, async () => (await reopened.byLabel('Incident text')).value()).toBe('#102030');
    await eventually(driver, async () => (await reopened.byCss('#incident_text_color-message')).text()).toBe(`Statuspage: ${refusal}`);
    expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ incident_text_color: '#1A1A1A' });

    // Statuspage accepts it now (the fault was used up): the save goes through, the message goes, the badge clears.
    await (await reopened.byRole('button', 'Save')).click();
    await expectSaved(driver, reopened);
    await eventually(driver, () => reopened.evaluate(() => document.querySelectorAll('#incident_text_color-message').length, null)).toBe(0);
    await eventually(driver, () => driver.badge()).toBe('');
    expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ incident_text_color: '#102030' });
  });
}
