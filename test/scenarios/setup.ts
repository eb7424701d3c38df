// Set-up against the sandbox: the key is checked with one call, refused with a clear message when wrong, and kept
// sealed in local storage (never in the clear, never in sync storage, never in a URL).
import { connectThroughSetup, eventually, fillSetupForm, type ScenarioRunner } from './steps';

/** Items a connection leaves: the key (`apiKey`, `org.<id>.apiKey`), the connections, anything of an organization. */
const KEPT_FOR_A_CONNECTION = /^(apiKey|connections?|org\..*)$/;

export function setupScenarios({ it }: ScenarioRunner): void {
  it('a wrong key is refused with a clear message, and nothing is stored', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const popup = await driver.openPopup();
    const key = await popup.byLabel('API key');
    await eventually(driver, () => key.focused()).toBe(true);
    await fillSetupForm(popup, sandbox, 'not-the-right-key');

    await popup.byText('Statuspage did not accept this API key (401)');
    await eventually(driver, () => key.attribute('aria-invalid')).toBe('true');
    // The field's description (aria-describedby) carries the reason, as a screen reader reads it.
    expect(await key.description()).toContain('Statuspage did not accept this API key (401)');
    // One call checked it, and nothing else was asked with a refused key.
    expect(sandbox.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      `GET /v1/organizations/${sandbox.organizationId}/users 401`,
    ]);
    const stored = await driver.stored();
    expect(Object.keys(stored).filter((name) => KEPT_FOR_A_CONNECTION.test(name))).toEqual([]);
    expect((stored.connections as { list?: unknown[] } | undefined)?.list ?? []).toEqual([]);
  });

  it('the key is checked with one call, kept sealed in local storage, and never sent in a URL', {}, async ({ driver }) => {
    const { sandbox, expect } = driver;
    const popup = await connectThroughSetup(driver);
    // The check is the organization's user list, which needs both key and organization: one call per 100 users
    // (the sandbox seeds 137). Nothing else went out before it passed (the popup's own first reads come after).
    const requests = sandbox.requests();
    const seen = requests.map((entry) => `${entry.method} ${entry.path} ${JSON.stringify(entry.query)} ${entry.status}`).join('\n');
    const others = requests.findIndex((entry) => !entry.path.endsWith(`/organizations/${sandbox.organizationId}/users`));
    expect(
      requests.slice(0, others === -1 ? undefined : others).map((entry) => [entry.method, entry.query.page, entry.status]),
      seen,
    ).toEqual([
      ['GET', '1', 200],
      ['GET', '2', 200],
    ]);
    expect(requests.every((entry) => entry.auth === 'header')).toBe(true);
    expect(requests.every((entry) => !JSON.stringify(entry.query).includes(sandbox.apiKey))).toBe(true);

    const stored = await driver.stored();
    expect(JSON.stringify(stored)).not.toContain(sandbox.apiKey);
    // One sealed key, under the active connection's prefix.
    const keys = Object.entries(stored).filter(([name]) => name === 'apiKey' || name.endsWith('.apiKey'));
    expect(keys).toHaveLength(1);
    expect(keys[0]![1]).toMatchObject({ version: 1, iv: driver.expect.any(String), ciphertext: driver.expect.any(String) });
    const { active } = stored.connections as { active: string };
    expect(stored[`org.${active}.apiKey`]).toMatchObject({ version: 1 });
    expect(await driver.stored('sync')).toEqual({});
    // The pages appear: the Embed tab starts on the first page by name.
    const acmeCloud = sandbox.pages.find((page) => page.name === 'Acme Cloud')!.id;
    await eventually(driver, async () => (await popup.byLabel('Page')).value()).toBe(acmeCloud);
  });
}
