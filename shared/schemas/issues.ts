import type * as z from 'zod/mini';

/** `incidents[0].incident_updates[1].body` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** One plain sentence per issue, naming the field: "incident_text_color: must be a colour written #rgb or #rrggbb". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  // A bad record key (e.g. an empty page id) keeps its reason in the nested issue.
  if (issue.code === 'invalid_key' && issue.issues[0]) return `${where}: ${issue.issues[0].message}`;
  if (issue.message && issue.message !== 'Invalid input') return `${where}: ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `${where}: unknown field ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return `${where}: is not valid`;
  }
}
