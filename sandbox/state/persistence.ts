import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxState } from './types';

// State survives restarts when a data file is named. Writes are atomic (a temp file renamed over the old
// one) so a crash mid-write leaves the previous state, never half a file.

function looksLikeState(value: unknown): value is SandboxState {
  if (!value || typeof value !== 'object') return false;
  const state = value as Partial<SandboxState>;
  return (
    state.version === 1 &&
    Array.isArray(state.organizations) &&
    Array.isArray(state.users) &&
    typeof state.sequence === 'number' &&
    typeof state.permissions === 'object' &&
    state.permissions !== null &&
    Array.isArray(state.pages) &&
    state.pages.every(
      (page) =>
        page &&
        typeof page.page?.id === 'string' &&
        typeof page.organization_id === 'string' &&
        typeof page.embed_config === 'object' &&
        Array.isArray(page.components) &&
        Array.isArray(page.incidents),
    )
  );
}

/** The state in `file`, or undefined when there is no such file. A file that is not sandbox state throws. */
export function loadState(file: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`sandbox data file ${file} is not JSON (${(error as Error).message}); fix or delete it`);
  }
  if (!looksLikeState(parsed)) {
    throw new Error(`sandbox data file ${file} does not hold sandbox state (version 1); fix or delete it`);
  }
  return parsed;
}

export function saveState(file: string, state: SandboxState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
