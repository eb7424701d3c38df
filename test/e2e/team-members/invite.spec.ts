import { logged, seedUsers, setRateLimit } from '../popup/helpers';
import { expect, scanAll, stopWorkerAndExpectRestart, test } from '../team-access/fixtures';
import { screenshotPath } from '../../support/screenshots';
import { accessOf, downloadOf, everyone, ON_CALL, saveOnCallTemplate } from './helpers';

const EMAILS = 'Email addresses (one a line, or CSV with email and names)';
const created = (sandbox: Parameters<typeof logged>[0]) => logged(sandbox, 'POST', '/users').filter((entry) => entry.status === 201);

test('three people added from a saved template each have exactly its access; a member already is reported, not created', {
  tag: ['@screenshot'],
}, async ({ teamAccess: page, sandbox }) => {
  test.setTimeout(90_000);
  const [ada] = await seedUsers(sandbox);
  await scanAll(page);
  const add = await saveOnCallTemplate(page);
  const csv = `email,first_name,last_name\r\nnora.new@acme.example,Nora,New\r\nomar.new@acme.example,Omar,New\r\n${ada!.email},Ada,Lovelace\r\npia.new@acme.example,Pia,New\r\n`;
  await add.getByLabel(EMAILS).fill(csv);
  await add.getByRole('button', { name: 'Preview the invitation of 4 people' }).click();

  const plan = page.getByRole('region', { name: 'Plan: add 3 people' });
  await expect(plan).toContainText('Template: On-call engineer. Each new person gets exactly: Acme Cloud (Manage incidents), Acme Labs');
  await expect(plan.getByRole('listitem').filter({ hasText: 'Nora New <nora.new@acme.example>' })).toHaveText(
    'Nora New <nora.new@acme.example>: created, with Acme Cloud (Manage incidents), Acme Labs',
  );
  await expect(plan).toContainText(`Ada Lovelace <${ada!.email}>: already a member, left as they are`);
  await page.getByRole('region', { name: 'Add people' }).screenshot({ path: screenshotPath('team-members-invite.png') });
  await plan.getByRole('button', { name: 'Add 3 people' }).click();

  const report = page.getByRole('region', { name: 'Invitation report: Template: On-call engineer' });
  await expect(report.getByRole('status')).toHaveText('Finished. Created: 3. Already members: 0. Failed: 0.', { timeout: 30_000 });
  expect(created(sandbox)).toHaveLength(3);
  const members = await everyone(sandbox);
  for (const email of ['nora.new@acme.example', 'omar.new@acme.example', 'pia.new@acme.example']) {
    const member = members.find((candidate) => candidate.email === email);
    expect(member, email).toBeDefined();
    expect(await accessOf(sandbox, member!.id)).toEqual(ON_CALL); // not every page with every role
  }

  const text = await downloadOf(page, report.getByRole('button', { name: 'Download the report (CSV)' }));
  const rows = text.trim().split('\r\n');
  expect(rows[0]).toBe('email,first_name,last_name,outcome,user_id,access,detail');
  expect(rows.slice(1).map((row) => row.split(',')[3])).toEqual(['done', 'done', 'done']);
  expect(rows[1]).toContain('"Acme Cloud (Manage incidents), Acme Labs"');

  // The template stays for the organization: edited (renamed, a role added), then deleted.
  const template = add.getByLabel('Template', { exact: true });
  await add.getByRole('button', { name: 'Edit template' }).click();
  await expect(add.getByRole('checkbox', { name: 'Manage incidents on Acme Cloud' })).toBeChecked();
  await add.getByRole('checkbox', { name: 'Manage maintenances on Acme Cloud' }).check();
  await add.getByLabel('Template name').fill('On-call and maintenance');
  await add.getByRole('button', { name: 'Save the template' }).click();
  await add.getByRole('radio', { name: 'A saved template' }).check();
  await expect(template.getByRole('option')).toHaveText(['On-call and maintenance']);
  await add.getByLabel(EMAILS).fill('quinn.new@acme.example');
  await add.getByRole('button', { name: 'Preview the invitation of 1 person' }).click();
  await expect(page.getByRole('region', { name: 'Plan: add 1 person' })).toContainText(
    'Template: On-call and maintenance. Each new person gets exactly: Acme Cloud (Manage incidents, Manage maintenances), Acme Labs',
  );
  await add.getByRole('button', { name: 'Delete template' }).click();
  await expect(template.getByRole('option')).toHaveText(['No template saved yet']);
});

test('the worker stopped mid-invitation: each person created once, each with the template’s access', async ({
  teamAccess: page,
  sandbox,
  extensionId,
}) => {
  test.setTimeout(180_000);
  await scanAll(page);
  const add = await saveOnCallTemplate(page);
  const emails = ['w1.new@acme.example', 'w2.new@acme.example', 'w3.new@acme.example', 'w4.new@acme.example'];
  await add.getByLabel(EMAILS).fill(emails.join('\n'));
  await add.getByRole('button', { name: 'Preview the invitation of 4 people' }).click();
  // A slow server from here on: one request every 2.5 s, so the job (a list, then a POST and a PUT each) takes a while.
  await setRateLimit(sandbox, { limit: 1, windowMs: 2500 });
  await page.getByRole('region', { name: 'Plan: add 4 people' }).getByRole('button', { name: 'Add 4 people' }).click();

  await expect.poll(() => created(sandbox).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await stopWorkerAndExpectRestart(page, extensionId, () => expect(created(sandbox).length).toBeLessThan(4));

  const report = page.getByRole('region', { name: 'Invitation report: Template: On-call engineer' });
  await expect(report.getByRole('status')).toHaveText('Finished. Created: 4. Already members: 0. Failed: 0.', { timeout: 120_000 });
  expect(created(sandbox)).toHaveLength(4);
  expect(logged(sandbox, 'POST', '/users').filter((entry) => entry.status === 422)).toEqual([]);
  await setRateLimit(sandbox, { limit: 1000, windowMs: 60_000 });
  const members = await everyone(sandbox);
  for (const email of emails) {
    const matching = members.filter((candidate) => candidate.email === email);
    expect(matching, email).toHaveLength(1);
    expect(await accessOf(sandbox, matching[0]!.id)).toEqual(ON_CALL);
  }
});

test('a person added with a copy of another user’s access gets exactly that access', async ({ teamAccess: page, sandbox }) => {
  test.setTimeout(60_000);
  const andres = (await seedUsers(sandbox)).find((user) => user.first_name === 'Andrés')!;
  await scanAll(page);
  const add = page.getByRole('region', { name: 'Add people' });
  await add.getByRole('radio', { name: "Copy a user's access" }).check();
  await add.getByLabel('Same access as').selectOption({ label: `Andrés Hopper <${andres.email}>` });
  await add.getByLabel(EMAILS).fill('copy.new@acme.example');
  await add.getByRole('button', { name: 'Preview the invitation of 1 person' }).click();
  const plan = page.getByRole('region', { name: 'Plan: add 1 person' });
  await expect(plan).toContainText(
    'Same as Andrés Hopper. Each new person gets exactly: Acme Cloud (Manage incidents), Acme Payments (Manage maintenances)',
  );
  await plan.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(page.getByRole('region', { name: 'Invitation report: Same as Andrés Hopper' }).getByRole('status')).toHaveText(
    'Finished. Created: 1. Already members: 0. Failed: 0.',
    { timeout: 30_000 },
  );
  const member = (await everyone(sandbox)).find((candidate) => candidate.email === 'copy.new@acme.example')!;
  expect(await accessOf(sandbox, member.id)).toEqual(await accessOf(sandbox, andres.id));
});
