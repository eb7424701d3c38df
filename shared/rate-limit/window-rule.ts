import { PRIORITIES, type Priority } from './priority';

export interface WindowRules {
  /** Requests allowed in any window. */
  limit: number;
  windowMs: number;
  /** How long background calls may leave a person waiting for a slot (see `slotDelay`). */
  headroomMs: number;
  /**
   * The least time between two background calls' starts (default none). At `windowMs / limit`, background work goes at
   * the key's pace instead of spending a whole window at once, so a slot frees every moment and a person waits one,
   * not the rest of the window.
   */
  backgroundSpacingMs?: number;
}

/** What the rule looks at: the window's finished requests, the ones in flight, and a server-ordered pause. */
export interface WindowView {
  /** End times of finished requests (epoch ms), ascending; older ones are ignored. */
  stamps: readonly number[];
  /** Requests holding a slot that have not ended yet: they free nothing until they end. */
  inFlight: number;
  /** No slot before this (epoch ms), whoever asks. */
  blockedUntil: number;
  /** When the last background call took its slot (epoch ms), for `backgroundSpacingMs`. */
  lastBackgroundAt?: number;
}

/**
 * Milliseconds from `now` until a call of `priority` may take a slot if nothing else changes (0: at
 * once; Infinity: only a request ending can free one).
 *
 * Interactive calls take any free slot. Background calls keep one slot of every window free for people,
 * and borrow that last slot only when another one frees within `headroomMs` anyway. So whatever
 * background work did, a person's call finds a slot at once or within `headroomMs`, and because that
 * is a property of the window's stamps, it holds for a state restored after a restart too. With a
 * limit of 1 there is nothing to keep back.
 */
export function slotDelay(view: WindowView, rules: WindowRules, now: number, priority: Priority): number {
  const delay = windowDelay(view, rules, now, priority);
  if (priority !== 'background' || !rules.backgroundSpacingMs || view.lastBackgroundAt === undefined) return delay;
  return Math.max(delay, view.lastBackgroundAt + rules.backgroundSpacingMs - now);
}

function windowDelay(view: WindowView, rules: WindowRules, now: number, priority: Priority): number {
  const { limit, windowMs, headroomMs } = rules;
  const cutoff = now - windowMs;
  let first = 0;
  while (first < view.stamps.length && (view.stamps[first] ?? 0) <= cutoff) first++;
  const used = view.stamps.length - first + view.inFlight;
  const blocked = Math.max(0, view.blockedUntil - now);
  const reserve = priority === 'background' && limit > 1 ? 1 : 0;
  // The stamp whose leaving lets this call go (stamps leave in order, windowMs after they were made).
  const index = used - (limit - reserve);
  if (index < 0) return blocked;
  const leaving = view.stamps[first + index];
  if (leaving === undefined) return Infinity;
  if (!reserve) return Math.max(blocked, leaving + windowMs - now);
  // Borrow the kept slot once the window is down to it and the next slot frees within headroomMs.
  const downToLast = index > 0 ? (view.stamps[first + index - 1] ?? 0) + windowMs : now;
  return Math.max(blocked, Math.max(downToLast, leaving + windowMs - headroomMs) - now);
}

/**
 * When each of `interactive` then `background` calls, queued now, would get its slot (epoch ms), by the
 * same rule the limiter follows. Pure, so a progress bar can ask it as often as it likes. It assumes
 * what it cannot know: requests in flight end now, each planned call ends the moment it starts, no
 * other call joins, and no 429 comes. Real round trips make it later, so ask again as the work goes.
 */
export function planSlots(view: WindowView, rules: WindowRules, now: number, counts: Partial<Record<Priority, number>>): Record<Priority, number[]> {
  const stamps = [...view.stamps, ...Array.from({ length: view.inFlight }, () => now)].sort((a, b) => a - b);
  const plan: Record<Priority, number[]> = { interactive: [], background: [] };
  let at = now;
  let lastBackgroundAt = view.lastBackgroundAt;
  for (const priority of PRIORITIES) {
    for (let i = 0; i < (counts[priority] ?? 0); i++) {
      while (stamps.length > 0 && (stamps[0] ?? 0) <= at - rules.windowMs) stamps.shift();
      const planned = { stamps, inFlight: 0, blockedUntil: view.blockedUntil, ...(lastBackgroundAt !== undefined && { lastBackgroundAt }) };
      at += slotDelay(planned, rules, at, priority);
      if (priority === 'background') lastBackgroundAt = at;
      stamps.push(at);
      plan[priority].push(at);
    }
  }
  return plan;
}
