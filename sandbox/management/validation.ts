import type { ParsedBody } from '../http/body-parsing';
import { listProblems, SandboxHttpError } from '../errors';
import type { SandboxStore } from '../state/store';
import { EMBED_FIELDS, ROLE_NAMES, type EmbedField, type PageRoleGrant, type PageState, type RoleName } from '../state/types';

// The sandbox's own checks of management API bodies (deliberately not shared/schemas: see types.ts).
// Structure problems (no wrapper, not an object) are 400; values the API refuses are 422. Every problem
// found is reported at once, each naming its field.

export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
export const POSITIONS = ['bottom-left', 'bottom-right', 'top-left', 'top-right', 'bottom_left', 'bottom_right', 'top_left', 'top_right'];

type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value quoted for an error message, cut short so a hostile body cannot flood the response. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A field name as sent, cut short like a quoted value (a name can be as long as the body). */
export function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

export function unwrap(body: ParsedBody, wrapper: string, example: string): PlainObject {
  if (!isPlainObject(body.value) || !Object.hasOwn(body.value, wrapper)) {
    throw new SandboxHttpError(400, `body must be ${example}: "${wrapper}" is missing`);
  }
  const inner = body.value[wrapper];
  if (body.encoding === 'form' && inner === '') return {};
  if (!isPlainObject(inner)) throw new SandboxHttpError(400, `"${wrapper}" must be an object, got ${quote(inner)}`);
  return inner;
}

export function refuse(problems: string[]): void {
  if (problems.length > 0) throw new SandboxHttpError(422, listProblems(problems));
}

/** The fields a PATCH/PUT of `status_embed_config` sets, checked. `page_id` may be echoed back if it matches. */
export function readEmbedConfigChanges(body: ParsedBody, pageId: string): Partial<Record<EmbedField, string>> {
  const fields = unwrap(body, 'status_embed_config', '{"status_embed_config": {...}}');
  const problems: string[] = [];
  const changes: Partial<Record<EmbedField, string>> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'page_id') {
      if (value !== pageId) problems.push(`page_id ${quote(value)} does not match the page in the URL`);
      continue;
    }
    if (!(EMBED_FIELDS as readonly string[]).includes(name)) {
      problems.push(`${shortName(name)} is not a status embed config field (${EMBED_FIELDS.join(', ')})`);
      continue;
    }
    const field = name as EmbedField;
    if (typeof value !== 'string') {
      problems.push(`${field} must be a string, got ${quote(value)}`);
    } else if (field === 'position' && !POSITIONS.includes(value)) {
      problems.push(`position must be one of bottom-left, bottom-right, top-left, top-right (or bottom_left...), got ${quote(value)}`);
    } else if (field !== 'position' && !HEX_COLOUR.test(value)) {
      problems.push(`${field} must be a colour written #rgb or #rrggbb, got ${quote(value)}`);
    } else {
      changes[field] = value;
    }
  }
  refuse(problems);
  return changes;
}

const FORM_BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

function readRole(value: unknown, encoding: ParsedBody['encoding']): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (encoding === 'form' && typeof value === 'string' && Object.hasOwn(FORM_BOOLEANS, value)) return FORM_BOOLEANS[value];
  return undefined;
}

/**
 * The complete mapping page id -> roles of a permissions PUT. Every page must be one of the caller's
 * organization; a page with RBAC gets all three roles (missing ones false), a page without it `{}`.
 * In a form, `pages[<id>]=` (empty) stands for `{}`, which bracket notation cannot otherwise express.
 */
export function readPermissionsMapping(body: ParsedBody, store: SandboxStore, organizationId: string): Record<string, PageRoleGrant> {
  const pages = unwrap(body, 'pages', '{"pages": {"<page_id>": {"incident_manager": true, ...}}}');
  const problems: string[] = [];
  const mapping: Record<string, PageRoleGrant> = {};
  for (const [pageId, rolesValue] of Object.entries(pages)) {
    const page: PageState | undefined = store.page(pageId);
    if (!page) {
      problems.push(`pages: unknown page id ${quote(pageId)}`);
      continue;
    }
    if (page.organization_id !== organizationId) {
      problems.push(`pages: page ${pageId} is not a page of organization ${organizationId}`);
      continue;
    }
    const roles = body.encoding === 'form' && rolesValue === '' ? {} : rolesValue;
    if (!isPlainObject(roles)) {
      problems.push(`pages.${pageId} must be an object of roles, got ${quote(rolesValue)}`);
      continue;
    }
    const names = Object.keys(roles);
    const unknown = names.filter((name) => !(ROLE_NAMES as readonly string[]).includes(name));
    if (unknown.length > 0) {
      problems.push(`pages.${pageId}: ${unknown.map(quote).join(', ')} is not a role (${ROLE_NAMES.join(', ')})`);
      continue;
    }
    if (!page.role_based_access_control) {
      if (names.length > 0) {
        problems.push(`pages.${pageId}: page "${page.page.name}" has no role based access control, so it takes no roles: map it to {}`);
      } else {
        mapping[pageId] = {};
      }
      continue;
    }
    const grant = { page_configuration: false, incident_manager: false, maintenance_manager: false } as Record<RoleName, boolean>;
    for (const role of names as RoleName[]) {
      const value = readRole(roles[role], body.encoding);
      if (value === undefined) problems.push(`pages.${pageId}.${role} must be true or false, got ${quote(roles[role])}`);
      else grant[role] = value;
    }
    mapping[pageId] = grant;
  }
  refuse(problems);
  return mapping;
}
