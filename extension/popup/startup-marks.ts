/**
 * The popup's start-up, step by step, as Performance marks (`popup:start`, `popup:context`, `popup:read`,
 * `popup:rendered`; `first-data` follows): the bench prints where the time goes from them (docs/extension.md).
 */
export type StartupStep = 'start' | 'context' | 'read' | 'rendered';

export function markStartup(step: StartupStep): void {
  performance.mark(`popup:${step}`);
}
