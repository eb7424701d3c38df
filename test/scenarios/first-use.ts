// What a new user tripped on (issue 23, part 2), each tried as they tried it: a second organization's set-up, a
// refused key, which pages take roles, the user search's limit, a 422 about a page, the Embed tab's headings and
// spacing, and how the Connections list reads.
import { SEED_PAGE_IDS } from '../../sandbox';
import { connectThroughSetup, eventually, fillSetupForm, pickUser, queueFault, type ScenarioRunner, seedUsers } from './steps';

const { labs } = SEED_PAGE_IDS;

export function firstUseScenarios({ it }: ScenarioRunner): void {
  it('"Add an organization" starts from the current connection\'s API, and the Connections list reads cleanly', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const popup = await connectThroughSetup(driver);
    await (await popup.byRole('button', 'Connections')).click();
    await popup.byRole('heading', 'Connections');
    const [item] = await popup.texts('listitem');
    const host = new URL(sandbox.apiBaseUrl).host;
    // One space between the parts, and the organization's id once (its default name already says it).
    expect(item!.replace(/\s+/g, ' ')).toContain(`Organization ${sandbox.organizationId} (current) ${host}`);
    expect(item!.split(sandbox.organizationId)).toHaveLength(2);

    await (await popup.byRole('button', 'Add an organization')).click();
    expect(await (await popup.byLabel('API base URL')).value()).toBe(sandbox.apiBaseUrl);
  });

  it('a key refused at set-up (401) is announced and the API key field gets focus', {}, async ({ driver }) => {
    const { sandbox } = driver;
    const popup = await driver.openPopup();
    await fillSetupForm(popup, sandbox, 'not-the-key');
    const refusal = 'Statuspage did not accept this API key (401). Check it on the "API info" page.';
    await eventually(driver, () => popup.texts('alert')).toContain(refusal);
    const field = await popup.byLabel('API key');
    await eventually(driver, () => field.focused()).toBe(true);
    driver.expect(await field.description()).toBe(refusal);
  });

  it('roles are offered only on pages known to take them, even for a user with no access anywhere', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const users = await seedUsers(sandbox);
    const target = users[70]!; // no access anywhere: their own permissions say nothing about Acme Labs
    const popup = await connectThroughSetup(driver);
    await (await popup.byRole('tab', 'Permissions')).click();
    await pickUser(popup, target.email);
    const labsRow = await popup.byCss(`tr[data-page-id="${labs}"]`);
    await eventually(driver, () => labsRow.text(), 10_000).toContain('Access only');
    expect(await popup.count('checkbox', 'Manage incidents on Acme Labs')).toBe(0);
    expect(await popup.count('checkbox', 'Manage incidents on Acme Payments')).toBe(1);
  });

  it('the user search says how many more match beyond the first 50; a cleared search closes the list', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const users = await seedUsers(sandbox);
    const popup = await connectThroughSetup(driver);
    await (await popup.byRole('tab', 'Permissions')).click();
    const picker = await popup.byRole('combobox', 'User');
    await picker.press('ArrowDown');
    const total = Number(/(\d+) users in the organization/.exec(await (await popup.byText('users in the organization')).text())?.[1]);
    expect(total).toBeGreaterThan(50);
    const more = total - 50;
    await popup.byRole('option', `${more} more users match: type more of a name or email to narrow the list`);
    expect(await popup.count('option')).toBe(51);

    await picker.fill(users[0]!.email);
    await eventually(driver, () => popup.count('option')).toBe(1);
    await picker.fill('');
    await eventually(driver, () => popup.count('listbox')).toBe(0);
    expect(await picker.attribute('aria-expanded')).toBe('false');
    const teamAccess = await popup.byRole('button', 'Open Team access');
    expect(await teamAccess.box()).not.toBe(null);
  });

  it("a 422 about a page is shown across the table, not squeezed into the page's column", {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const [owner] = await seedUsers(sandbox);
    const popup = await connectThroughSetup(driver);
    await popup.setViewport(400, 600);
    await (await popup.byRole('tab', 'Permissions')).click();
    await pickUser(popup, owner!.email);
    const refusal = `pages.${labs}: page "Acme Labs" is archived and takes no changes`;
    await queueFault(sandbox, {
      status: 422,
      method: 'PUT',
      path: `/organizations/${sandbox.organizationId}/permissions/${owner!.id}`,
      shape: 'error',
      message: refusal,
    });
    await (await popup.byLabel('Manage incidents on Acme Payments')).click();
    await (await popup.byRole('button', 'Save')).click();
    const error = await popup.byCss('.row-error');
    await eventually(driver, () => error.text()).toBe(`Statuspage about Acme Labs: ${refusal}`);
    const pageColumn = (await (await popup.byCss(`tr[data-page-id="${labs}"] th`)).box())!;
    const errorBox = (await error.box())!;
    expect(errorBox.width).toBeGreaterThan(pageColumn.width * 1.5);
    expect(errorBox.y).toBeGreaterThanOrEqual(pageColumn.y + pageColumn.height - 1);
  });

  it('the Embed tab: headings do not skip a level, and "Put it on your site" follows the save bar closely', {}, async ({ driver }) => {
    const { expect } = driver;
    const popup = await connectThroughSetup(driver);
    await popup.setViewport(400, 1000); // all of it in view: the save bar is where it stands, not stuck to the bottom
    const heading = await popup.byRole('heading', 'Put it on your site');
    const findings = await popup.axe();
    expect(findings.lesser.filter((violation) => violation.includes('heading-order'))).toEqual([]);
    expect(findings.violations.filter((violation) => violation.includes('heading-order'))).toEqual([]);
    // The gap between the save bar (what comes before) and the heading: a line's spacing, not a blank block.
    const bar = (await (await popup.byRole('button', 'Revert')).box())!;
    const title = (await heading.box())!;
    expect(title.y - (bar.y + bar.height)).toBeLessThanOrEqual(40);

    // At a popup's height the Save bar sticks to the bottom, over the preview: the sample card stays under it.
    await popup.setViewport(440, 600);
    await popup.evaluate(() => scrollTo(0, 0), null);
    const saveOnTop = () =>
      popup.evaluate(() => {
        const save = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Save')!;
        const box = save.getBoundingClientRect();
        // The preview is inert, which hit testing skips: drawn order is what counts here, so it takes part a moment.
        const inert = [...document.querySelectorAll<HTMLElement>('[inert]')];
        for (const element of inert) element.inert = false;
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        for (const element of inert) element.inert = true;
        return top === save;
      }, null);
    await eventually(driver, saveOnTop).toBe(true);
  });
}
