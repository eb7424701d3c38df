import { describe, expect, it } from 'vitest';
import type { EmbedDraft } from '../../../extension/embed/embed-draft';
import { mergeEmbedDrafts } from '../../../extension/embed/merge-embed-drafts';
import { mergePermissionsDrafts, type PermissionsDraft } from '../../../extension/permissions/permissions-draft';

const base = { page_id: 'p1', position: 'bottom-left' };
const values = {
  position: 'bottom-left',
  incident_background_color: '#b42318',
  incident_text_color: '#ffffff',
  maintenance_background_color: '#1d4ed8',
  maintenance_text_color: '#ffffff',
} as const;
const embedDraft = (patch: Partial<EmbedDraft>): EmbedDraft => ({ pageId: 'p1', base, values, stamps: {}, updatedAt: 0, ...patch });

describe('mergeEmbedDrafts: two popups editing one page', () => {
  // Popup A moved the card, popup B changed a colour 2 ms later; each had not seen the other's write.
  const a = embedDraft({ values: { ...values, position: 'top-right' }, stamps: { position: 100 }, updatedAt: 100 });
  const b = embedDraft({ values: { ...values, incident_text_color: '#000000' }, stamps: { incident_text_color: 102 }, updatedAt: 102 });

  it('keeps both edits, whichever write storage kept', () => {
    for (const merged of [mergeEmbedDrafts(a, b), mergeEmbedDrafts(b, a)]) {
      expect(merged.values).toEqual({ ...values, position: 'top-right', incident_text_color: '#000000' });
      expect(merged.stamps).toEqual({ position: 100, incident_text_color: 102 });
      expect(merged.updatedAt).toBe(102);
    }
  });

  it('keeps the later edit of the same field, and settles a same-millisecond tie the same way on both sides', () => {
    const later = embedDraft({ values: { ...values, position: 'top-left' }, stamps: { position: 101 }, updatedAt: 101 });
    expect(mergeEmbedDrafts(a, later).values.position).toBe('top-left');
    expect(mergeEmbedDrafts(later, a).values.position).toBe('top-left');
    const tie = embedDraft({ values: { ...values, position: 'bottom-right' }, stamps: { position: 100 }, updatedAt: 100 });
    expect(mergeEmbedDrafts(a, tie).values.position).toBe(mergeEmbedDrafts(tie, a).values.position);
  });

  it('does not mix drafts begun from different server configs: the newer one wins whole', () => {
    const reloaded = embedDraft({ base: { ...base, position: 'top-left' }, stamps: { incident_text_color: 50 }, updatedAt: 200 });
    expect(mergeEmbedDrafts(a, reloaded)).toBe(reloaded);
    expect(mergeEmbedDrafts(reloaded, a)).toBe(reloaded);
  });
});

describe('mergePermissionsDrafts: two popups editing one user', () => {
  const permissionsDraft = (patch: Partial<PermissionsDraft>): PermissionsDraft => ({
    userId: 'u1',
    base: { p1: {}, p2: {} },
    draft: { p1: {}, p2: {} },
    stamps: {},
    updatedAt: 0,
    ...patch,
  });

  it('keeps each page as last edited: an access removed in one popup and a role given in the other', () => {
    const a = permissionsDraft({ draft: { p2: {} }, stamps: { p1: 10 }, updatedAt: 10 });
    const b = permissionsDraft({ draft: { p1: {}, p2: { incident_manager: true } }, stamps: { p2: 12 }, updatedAt: 12 });
    for (const merged of [mergePermissionsDrafts(a, b), mergePermissionsDrafts(b, a)]) {
      expect(merged.draft).toEqual({ p2: { incident_manager: true } });
      expect(merged.stamps).toEqual({ p1: 10, p2: 12 });
    }
  });
});
