import { statuspageId } from './ids';
import { openIncident, openMaintenance, updateIncident, type Clock, type IncidentInput, type MaintenanceInput, type UpdateInput } from './incidents';
import type { EmbedConfigRecord, EmbedField, IncidentRecord, PageRoleGrant, PageState, SandboxState, UserRecord } from './types';
import { EMBED_FIELDS } from './types';

export interface SandboxStoreOptions {
  /** Builds the starting state; `reset()` calls it again. */
  seed: () => SandboxState;
  /** State loaded from a data file; the seed when omitted. */
  initial?: SandboxState;
  /** Called with the whole state after every mutation (the data file's writer). */
  onChange?: (state: SandboxState) => void;
  /** The sandbox's clock for timestamps; the real time when omitted. */
  now?: () => Date;
}

/**
 * The sandbox's account state and every change to it. Reads return live objects: treat them as read-only.
 * Ids created at run time mix a per-process salt with a counter that survives resets, so an incident opened
 * after a reset or a restart never reuses an id a browser may remember (a widget's "dismissed" list).
 */
export class SandboxStore {
  #state: SandboxState;
  readonly #options: SandboxStoreOptions;
  readonly #idSalt: string;
  readonly #clock: Clock;

  constructor(options: SandboxStoreOptions) {
    this.#options = options;
    this.#state = options.initial ?? options.seed();
    const now = options.now ?? (() => new Date());
    this.#idSalt = String(Date.now());
    this.#clock = {
      now: () => now().toISOString(),
      nextId: (kind) => {
        this.#state.sequence += 1;
        return statuspageId(`${kind}:${this.#idSalt}:${this.#state.sequence}`);
      },
    };
  }

  get state(): SandboxState {
    return this.#state;
  }

  organization(organizationId: string) {
    return this.#state.organizations.find((organization) => organization.id === organizationId);
  }

  page(pageId: string): PageState | undefined {
    return this.#state.pages.find((page) => page.page.id === pageId);
  }

  pagesOf(organizationId: string): PageState[] {
    return this.#state.pages.filter((page) => page.organization_id === organizationId);
  }

  user(userId: string): UserRecord | undefined {
    return this.#state.users.find((user) => user.id === userId);
  }

  usersOf(organizationId: string): UserRecord[] {
    return this.#state.users.filter((user) => user.organization_id === organizationId);
  }

  /** page id -> roles, in the organization's page order. */
  permissionsOf(userId: string): Array<[PageState, PageRoleGrant]> {
    const mapping = this.#state.permissions[userId] ?? {};
    return this.#state.pages.filter((page) => Object.hasOwn(mapping, page.page.id)).map((page) => [page, mapping[page.page.id]!]);
  }

  findIncident(pageId: string, kind: IncidentRecord['kind'], incidentId: string): IncidentRecord | undefined {
    return this.page(pageId)?.incidents.find((incident) => incident.kind === kind && incident.id === incidentId);
  }

  /** PATCH merges the given fields; PUT replaces all five (a field not given becomes null). */
  updateEmbedConfig(pageId: string, values: Partial<Record<EmbedField, string>>, mode: 'merge' | 'replace'): EmbedConfigRecord {
    const page = this.#requirePage(pageId);
    const next = { ...page.embed_config };
    for (const field of EMBED_FIELDS) {
      if (values[field] !== undefined) next[field] = values[field];
      else if (mode === 'replace') next[field] = null;
    }
    page.embed_config = next;
    this.#commit();
    return next;
  }

  /**
   * A new member of `organizationId`, with every page of the organization and every role (Statuspage's default for a
   * new team member; a page without RBAC maps to `{}`). Listed last, as the newest member is.
   */
  createUser(organizationId: string, fields: Pick<UserRecord, 'email' | 'first_name' | 'last_name'>): UserRecord {
    const at = this.#clock.now();
    const user: UserRecord = { id: this.#clock.nextId('user'), organization_id: organizationId, ...fields, created_at: at, updated_at: at };
    this.#state.users.push(user);
    this.#state.permissions[user.id] = Object.fromEntries(
      this.pagesOf(organizationId).map((page): [string, PageRoleGrant] => [
        page.page.id,
        page.role_based_access_control ? { page_configuration: true, incident_manager: true, maintenance_manager: true } : {},
      ]),
    );
    this.#commit();
    return user;
  }

  /** Removes the member and their permissions (Statuspage has no undo either). */
  deleteUser(userId: string): void {
    this.#state.users = this.#state.users.filter((user) => user.id !== userId);
    Reflect.deleteProperty(this.#state.permissions, userId);
    this.#commit();
  }

  /** The whole mapping is replaced: a page left out is a page the user loses. */
  replacePermissions(userId: string, mapping: Record<string, PageRoleGrant>): void {
    this.#state.permissions[userId] = structuredClone(mapping);
    this.#commit();
  }

  openIncident(pageId: string, input: IncidentInput): IncidentRecord {
    const incident = openIncident(this.#requirePage(pageId), input, this.#clock);
    this.#commit();
    return incident;
  }

  openMaintenance(pageId: string, input: MaintenanceInput): IncidentRecord {
    const maintenance = openMaintenance(this.#requirePage(pageId), input, this.#clock);
    this.#commit();
    return maintenance;
  }

  updateIncident(pageId: string, incident: IncidentRecord, input: UpdateInput): IncidentRecord {
    updateIncident(this.#requirePage(pageId), incident, input, this.#clock);
    this.#commit();
    return incident;
  }

  /** A raw summary.json served verbatim for this page; null goes back to the computed one. */
  setSummaryOverride(pageId: string, rawJson: string | null): void {
    this.#requirePage(pageId).summary_override = rawJson;
    this.#commit();
  }

  /** Back to the seed (the id counter keeps counting, see the class comment). */
  reset(): void {
    const sequence = this.#state.sequence;
    this.#state = this.#options.seed();
    this.#state.sequence = sequence;
    this.#commit();
  }

  #requirePage(pageId: string): PageState {
    const page = this.page(pageId);
    if (!page) throw new Error(`no page ${pageId} in the sandbox`);
    return page;
  }

  #commit(): void {
    this.#options.onChange?.(this.#state);
  }
}
