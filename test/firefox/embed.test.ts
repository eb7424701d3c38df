// An embed save in Firefox: corner and colours edited in the popup go out as a PATCH of only the changed fields,
// and the sandbox holds them afterwards (read back through its API).
import { expect, test } from 'vitest';
import { SEED_PAGE_IDS } from '../../sandbox';
import {
  apiCall,
  badgeText,
  connectThroughSetup,
  cssOf,
  eventually,
  expectSaved,
  fill,
  firefoxSuite,
  getByLabel,
  getByRole,
  inputValue,
  isChecked,
  logged,
  queueFault,
  textOf,
  textsByRole,
} from './popup';

const suite = firefoxSuite();
const payments = SEED_PAGE_IDS.payments; // seeded at `bottom_right`, #FFB000 on #1A1A1A text, maintenance #0B5394

test('corner and colours are saved with a PATCH of only the changed fields, and read back from the sandbox', async () => {
  const { sandbox } = suite;
  const popup = await connectThroughSetup(suite);
  await (await getByLabel(popup, 'Page')).select(payments);
  const incidentBackground = await getByLabel(popup, 'Incident background');
  await eventually(() => inputValue(incidentBackground)).toBe('#ffb000');

  await (await getByRole(popup, 'radio', 'Top left')).click();
  await fill(incidentBackground, '#0b3d91');
  const incidentText = await getByLabel(popup, 'Incident text');
  await fill(incidentText, '#334455');
  const contrast = (await popup.$('[data-testid="contrast-incident"]'))!;
  await eventually(() => textOf(contrast)).toContain('below the 4.5:1');
  await fill(incidentText, '#ffffff');
  await eventually(() => textOf(contrast)).toContain('WCAG AA');
  // The popup's preview is the widget's own card (in a shadow root), in the draft's colours.
  await eventually(() => cssOf(popup, '[data-testid="preview-incident"] >>> .card', 'background-color')).toBe('rgb(11, 61, 145)');
  await eventually(() => cssOf(popup, '[data-testid="preview-incident"] >>> .card', 'color')).toBe('rgb(255, 255, 255)');

  await (await getByRole(popup, 'button', 'Save')).click();
  await expectSaved(popup);

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
  // After the save, the editor shows what the server now holds.
  expect(await isChecked(await getByRole(popup, 'radio', 'Top left'))).toBe(true);
  expect(await inputValue(incidentBackground)).toBe('#0b3d91');
});

test('a refused save (422) shows the server\'s words by the field, keeps the draft, and sets "!" until a save succeeds', async () => {
  const { sandbox, extension } = suite;
  const popup = await connectThroughSetup(suite);
  await (await getByLabel(popup, 'Page')).select(payments);
  const incidentText = await getByLabel(popup, 'Incident text');
  await eventually(() => inputValue(incidentText)).toBe('#1a1a1a');
  await fill(incidentText, '#102030');

  const refusal = 'incident_text_color is not a colour this plan allows';
  await queueFault(sandbox, { status: 422, method: 'PATCH', path: `/pages/${payments}/status_embed_config`, shape: 'error', message: refusal });
  await (await getByRole(popup, 'button', 'Save')).click();
  await eventually(() => incidentText.evaluate((element) => element.getAttribute('aria-invalid'))).toBe('true');
  expect(await textOf((await popup.$('#incident_text_color-message'))!)).toBe(`Statuspage: ${refusal}`);
  // The notice (an alert, with its own Dismiss button) says what happened and that the draft stays.
  await eventually(() => textsByRole(popup, 'alert')).toContainEqual(
    expect.stringContaining(`Not saved. Statuspage refused the values for the page "Acme Payments" (422): ${refusal}. Your draft is kept.`),
  );
  await eventually(() => badgeText(extension)).toBe('!');
  expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ incident_text_color: '#1A1A1A' });

  // Statuspage accepts it now (the fault was used up): the save goes through and the badge clears.
  await (await getByRole(popup, 'button', 'Save')).click();
  await expectSaved(popup);
  await eventually(() => badgeText(extension)).toBe('');
  expect(await apiCall(sandbox, 'GET', `/pages/${payments}/status_embed_config`)).toMatchObject({ incident_text_color: '#102030' });
});
