/**
 * Who is waiting for a call: `interactive` (default) is a person looking at the screen; `background`
 * is work nobody waits on (a scan, a refresh). Listed in the order they are served: people's calls
 * go first, see window-rule.ts.
 */
export const PRIORITIES = ['interactive', 'background'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isPriority(value: unknown): value is Priority {
  return (PRIORITIES as readonly unknown[]).includes(value);
}
