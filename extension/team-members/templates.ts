import type { PagePermissions } from '../../shared/schemas';
import type { AccessTemplate } from './members-storage';

// Saved templates, as pure edits of the stored list: the page writes the result (the one writer of templates).

export const newTemplateId = (): string => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Saves under `id` (an edit) or as a new template; a name already used by another template is refused. */
export function saveTemplate(list: AccessTemplate[], template: { id?: string; name: string; pages: PagePermissions }, now: number): AccessTemplate[] {
  const name = template.name.trim();
  if (!name) throw new Error('Name the template first');
  if (name.length > 120) throw new Error('A template name is at most 120 characters');
  if (list.some((other) => other.id !== template.id && other.name.toLowerCase() === name.toLowerCase()))
    throw new Error(`A template is named “${name}” already`);
  const saved: AccessTemplate = { id: template.id ?? newTemplateId(), name, pages: template.pages, updatedAt: now };
  return template.id && list.some((other) => other.id === template.id)
    ? list.map((other) => (other.id === template.id ? saved : other))
    : [...list, saved];
}

export const deleteTemplate = (list: AccessTemplate[], id: string): AccessTemplate[] => list.filter((template) => template.id !== id);
