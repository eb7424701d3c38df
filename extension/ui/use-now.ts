import { useEffect, useState } from 'preact/hooks';

/** The current time, ticking every `ms` while `active`: drives countdowns. */
export function useNow(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // No tick at once: the render that made it active drew the current time already (below), and a tick here would
    // draw the whole component again right after its first frame (Team access: every row of its table).
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  // The state only makes the component draw again: a countdown that has just started must not draw a stale time.
  return Math.max(now, Date.now());
}

export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
