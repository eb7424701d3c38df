import { type Latency, readLatency } from '../http/latency';
import { PERMISSIONS_RESPONSE_SHAPES, rateLimitProblems, type PermissionsResponseShape, type RateLimitSettings } from '../config';
import { listProblems, SandboxHttpError } from '../errors';
import { defaultFaultMessage, FAULT_METHODS, FAULT_SHAPES, type Fault } from '../faults';
import type { ComponentClaims, IncidentInput, MaintenanceInput, UpdateInput } from '../state/incidents';
import {
  COMPONENT_STATUSES,
  INCIDENT_IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  type ComponentStatus,
  type IncidentImpact,
  type IncidentRecord,
} from '../state/types';
import { isPlainObject, quote, shortName } from '../management/validation';

// Checks of what the control endpoints are sent. Every problem is a 400 naming the field.

type Input = Record<string, unknown>;
const MAX_NAME = 255;
const MAX_BODY = 10_000;
const HOUR_MS = 3_600_000;

class Problems {
  readonly list: string[] = [];
  add(problem: string) {
    this.list.push(problem);
  }
  throwIfAny() {
    if (this.list.length > 0) throw new SandboxHttpError(400, listProblems(this.list));
  }
}

function objectOf(value: unknown, example: string): Input {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new SandboxHttpError(400, `body must be a JSON object such as ${example}`);
  return value;
}

function allowOnly(input: Input, allowed: string[], problems: Problems) {
  for (const key of Object.keys(input)) if (!allowed.includes(key)) problems.add(`${shortName(key)} is not a field here (${allowed.join(', ')})`);
}

function oneOf<T extends string>(input: Input, key: string, values: readonly T[], problems: Problems, fallback?: T): T | undefined {
  const value = input[key];
  if (value === undefined) {
    if (fallback === undefined) problems.add(`${key} is required (${values.join(', ')})`);
    return fallback;
  }
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    problems.add(`${key} must be one of ${values.join(', ')}, got ${quote(value)}`);
    return undefined;
  }
  return value as T;
}

function text(input: Input, key: string, max: number, problems: Problems, required: boolean): string | undefined {
  const value = input[key];
  if (value === undefined) {
    if (required) problems.add(`${key} is required`);
    return undefined;
  }
  if (typeof value !== 'string') problems.add(`${key} must be a string, got ${quote(value)}`);
  else if (required && value.trim() === '') problems.add(`${key} must not be empty`);
  else if (value.length > max) problems.add(`${key} must be at most ${max} characters`);
  else return value;
  return undefined;
}

function componentClaims(input: Input, problems: Problems, allowStatuses: boolean): ComponentClaims | undefined {
  const value = input.components;
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((id) => typeof id === 'string')) return value as string[];
  if (allowStatuses && isPlainObject(value)) {
    const bad = Object.entries(value).filter(([, status]) => !(COMPONENT_STATUSES as readonly unknown[]).includes(status));
    if (bad.length === 0) return value as Record<string, ComponentStatus>;
    problems.add(`components: each status must be one of ${COMPONENT_STATUSES.join(', ')} (${bad.map(([id]) => id).join(', ')} is not)`);
    return undefined;
  }
  problems.add(
    allowStatuses
      ? 'components must be a list of component ids or an object {"<component id>": "<component status>"}'
      : 'components must be a list of component ids',
  );
  return undefined;
}

function timestamp(input: Input, key: string, problems: Problems, fallback: number): string | undefined {
  const value = input[key];
  if (value === undefined) return new Date(fallback).toISOString();
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    problems.add(`${key} must be an ISO 8601 date-time such as 2026-05-13T14:16:00-04:00, got ${quote(value)}`);
    return undefined;
  }
  return new Date(value).toISOString();
}

export function readIncidentInput(body: unknown): IncidentInput {
  const input = objectOf(body, '{"name": "Database latency", "impact": "major"}');
  const problems = new Problems();
  allowOnly(input, ['name', 'status', 'impact', 'body', 'components'], problems);
  const name = text(input, 'name', MAX_NAME, problems, true);
  const status = oneOf(input, 'status', ['investigating', 'identified', 'monitoring'] as const, problems, 'investigating');
  const impact = oneOf(input, 'impact', INCIDENT_IMPACTS, problems, 'minor');
  const message = text(input, 'body', MAX_BODY, problems, false);
  const components = componentClaims(input, problems, true);
  problems.throwIfAny();
  return { name: name!, status: status!, impact: impact!, body: message, components };
}

export function readMaintenanceInput(body: unknown, now: number): MaintenanceInput {
  const input = objectOf(body, '{"name": "Database upgrade", "scheduled_for": "…", "scheduled_until": "…"}');
  const problems = new Problems();
  allowOnly(input, ['name', 'status', 'body', 'scheduled_for', 'scheduled_until', 'components'], problems);
  const name = text(input, 'name', MAX_NAME, problems, true);
  const status = oneOf(input, 'status', ['scheduled', 'in_progress', 'verifying'] as const, problems, 'scheduled');
  const message = text(input, 'body', MAX_BODY, problems, false);
  // Without dates: a scheduled one starts in an hour; one already under way started now. Both last an hour.
  const scheduledFor = timestamp(input, 'scheduled_for', problems, status === 'scheduled' ? now + HOUR_MS : now);
  const scheduledUntil = timestamp(input, 'scheduled_until', problems, Date.parse(scheduledFor ?? '') + HOUR_MS || now);
  if (scheduledFor && scheduledUntil && Date.parse(scheduledUntil) <= Date.parse(scheduledFor)) {
    problems.add('scheduled_until must be after scheduled_for');
  }
  const components = componentClaims(input, problems, false) as string[] | undefined;
  problems.throwIfAny();
  return { name: name!, status: status!, body: message, scheduled_for: scheduledFor!, scheduled_until: scheduledUntil!, components };
}

/** An update to an incident or a maintenance; `resolving` forces the final status (…/resolve). */
export function readUpdateInput(body: unknown, kind: IncidentRecord['kind'], resolving: boolean): UpdateInput {
  const input = objectOf(body, '{"status": "identified", "body": "…"}');
  const problems = new Problems();
  const statuses = kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
  allowOnly(
    input,
    resolving ? ['body'] : kind === 'incident' ? ['status', 'body', 'impact', 'components'] : ['status', 'body', 'components'],
    problems,
  );
  const status = resolving ? (kind === 'incident' ? 'resolved' : 'completed') : oneOf(input, 'status', statuses, problems);
  const message = text(input, 'body', MAX_BODY, problems, false);
  const impact: IncidentImpact | undefined =
    kind === 'incident' && !resolving && input.impact !== undefined ? oneOf(input, 'impact', INCIDENT_IMPACTS, problems) : undefined;
  const components = resolving ? undefined : componentClaims(input, problems, kind === 'incident');
  problems.throwIfAny();
  return { status: status!, body: message, impact, components };
}

export interface SettingsChange {
  rateLimit?: Partial<RateLimitSettings>;
  permissionsResponseShape?: PermissionsResponseShape;
  latency?: Latency;
}

export function readRateLimitChange(body: unknown): Partial<RateLimitSettings> {
  const input = objectOf(body, '{"limit": 5, "windowMs": 2000, "status": 420}');
  const problems = new Problems();
  allowOnly(input, ['limit', 'windowMs', 'status'], problems);
  for (const problem of rateLimitProblems(input)) problems.add(problem);
  problems.throwIfAny();
  return input as Partial<RateLimitSettings>;
}

export function readSettingsChange(body: unknown): SettingsChange {
  const input = objectOf(body, '{"permissionsResponseShape": "data-map"}');
  const problems = new Problems();
  allowOnly(input, ['rateLimit', 'permissionsResponseShape', 'latencyMs'], problems);
  const change: SettingsChange = {};
  if (input.latencyMs !== undefined) {
    const latency = readLatency(input.latencyMs);
    if (typeof latency === 'string') problems.add(`latencyMs: ${latency}`);
    else change.latency = latency;
  }
  if (input.permissionsResponseShape !== undefined) {
    change.permissionsResponseShape = oneOf(input, 'permissionsResponseShape', PERMISSIONS_RESPONSE_SHAPES, problems);
  }
  problems.throwIfAny();
  if (input.rateLimit !== undefined) change.rateLimit = readRateLimitChange(input.rateLimit);
  return change;
}

/** A fault to queue: `{status, message?, times?, path?, method?, shape?}` (see faults.ts). */
export function readFault(body: unknown): Fault {
  const input = objectOf(body, '{"status": 503, "times": 2, "path": "/pages", "method": "PATCH", "shape": "error"}');
  const problems = new Problems();
  allowOnly(input, ['status', 'message', 'times', 'path', 'method', 'shape'], problems);
  const { status, times = 1, path } = input;
  const wholeNumber = (value: unknown, from: number, to: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= from && value <= to;
  if (!wholeNumber(status, 400, 599) || status === 420 || status === 429) {
    problems.add(`status must be an HTTP error status from 400 to 599 (not 420 or 429: set the rate limit instead), got ${quote(status)}`);
  }
  if (!wholeNumber(times, 1, 1000)) problems.add(`times must be a whole number from 1 to 1000, got ${quote(times)}`);
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/')))
    problems.add(`path must start with /, such as /pages, got ${quote(path)}`);
  const message = text(input, 'message', MAX_NAME, problems, false);
  // Methods are case-sensitive in HTTP: "patch" is refused rather than guessed at.
  const method = input.method === undefined ? undefined : oneOf(input, 'method', FAULT_METHODS, problems);
  const shape = input.shape === undefined ? undefined : oneOf(input, 'shape', FAULT_SHAPES, problems);
  problems.throwIfAny();
  return {
    status: status as number,
    times: times as number,
    message: message ?? defaultFaultMessage(status as number),
    ...(path !== undefined && { path: path as string }),
    ...(method !== undefined && { method }),
    ...(shape !== undefined && { shape }),
  };
}
