import { describe, expect, it } from 'vitest';
import { planInvite, resolveAccess } from '../../../extension/team-members/invite-plan';
import { planOffboard } from '../../../extension/team-members/offboard-plan';
import { deleteTemplate, saveTemplate } from '../../../extension/team-members/templates';
import { PAGES, user } from '../team-access/support';

const ALL = { page_configuration: true, incident_manager: true, maintenance_manager: true };
const INCIDENTS = { page_configuration: false, incident_manager: true, maintenance_manager: false };

describe('the offboarding plan', () => {
  const owner = user('u1', 'Olu Owner', { cloud: 'cim', labs: '', pay: 'cim' });
  const second = user('u2', 'Sam Second', { cloud: 'cim', pay: 'i' });
  const reader = user('u3', 'Rae Reader', {});
  const unread = user('u4', 'Una Unread', undefined);
  const everyone = [owner, second, reader, unread];

  it('names each person with the access they lose; refuses nothing while another full-access user stays', () => {
    const plan = planOffboard([second, reader], everyone, PAGES);
    expect(plan.people).toEqual([
      { userId: 'u2', label: 'Sam Second', email: second.email, before: { cloud: ALL, pay: INCIDENTS } },
      { userId: 'u3', label: 'Rae Reader', email: reader.email, before: {} },
    ]);
    expect(plan.lastAdminOf).toEqual([]);
  });

  it('refuses to remove the last user with full access to a page, naming the page (a page without roles: access is full)', () => {
    expect(planOffboard([owner], everyone, PAGES).lastAdminOf.map((page) => page.name)).toEqual(['Acme Labs', 'Acme Payments']);
    expect(planOffboard([owner, second], everyone, PAGES).lastAdminOf.map((page) => page.name)).toEqual(['Acme Cloud', 'Acme Labs', 'Acme Payments']);
  });

  it('does not plan a user not read yet (their access is unknown, there would be no record)', () => {
    const plan = planOffboard([unread], everyone, PAGES);
    expect(plan.people).toEqual([]);
    expect(plan.notRead).toEqual(['Una Unread']);
  });
});

describe('the invitation plan', () => {
  const ada = user('u1', 'Ada Lovelace', { cloud: 'i' });
  it('creates the new people and reports those already members (any case), with the access named', () => {
    const plan = planInvite([{ email: 'new@acme.example' }, { email: ada.email.toUpperCase() }], { label: 'Picked', access: { cloud: INCIDENTS } }, [
      ada,
    ]);
    expect(plan.create).toEqual([{ email: 'new@acme.example' }]);
    expect(plan.existing.map(({ member }) => member.id)).toEqual(['u1']);
  });

  it('resolves the access from a template, a read user, or the pick; says why when there is none', () => {
    const templates = [{ id: 't1', name: 'On-call', pages: { cloud: INCIDENTS }, updatedAt: 0 }];
    expect(resolveAccess({ kind: 'template', templateId: 't1' }, templates, [], PAGES)).toEqual({
      label: 'Template: On-call',
      access: { cloud: INCIDENTS },
    });
    expect(resolveAccess({ kind: 'template', templateId: 'gone' }, templates, [], PAGES)).toBe('Choose a saved template');
    expect(resolveAccess({ kind: 'copy', userId: 'u1' }, [], [ada], PAGES)).toEqual({ label: 'Same as Ada Lovelace', access: { cloud: INCIDENTS } });
    expect(resolveAccess({ kind: 'copy', userId: 'u9' }, [], [user('u9', 'Not Read', undefined)], PAGES)).toBe(
      'Choose a user whose access has been read',
    );
  });
});

describe('saved templates', () => {
  it('saves, edits under the same id, refuses a blank or duplicate name, deletes', () => {
    const one = saveTemplate([], { name: ' On-call ', pages: { cloud: INCIDENTS } }, 5);
    expect(one).toEqual([{ id: expect.stringMatching(/^t/), name: 'On-call', pages: { cloud: INCIDENTS }, updatedAt: 5 }]);
    const id = one[0]!.id;
    const edited = saveTemplate(one, { id, name: 'On-call engineer', pages: {} }, 6);
    expect(edited).toEqual([{ id, name: 'On-call engineer', pages: {}, updatedAt: 6 }]);
    expect(() => saveTemplate(edited, { name: 'ON-CALL ENGINEER', pages: {} }, 7)).toThrow('named “ON-CALL ENGINEER” already');
    expect(() => saveTemplate(edited, { name: '  ', pages: {} }, 7)).toThrow('Name the template first');
    expect(deleteTemplate(edited, id)).toEqual([]);
  });
});
