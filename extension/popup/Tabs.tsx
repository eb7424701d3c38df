import type { ComponentChildren } from 'preact';
import type { PopupTab } from '../context/manage-url';
import { TABS } from './popup-tabs';

/** The ARIA tabs pattern: arrow keys, Home and End move between tabs and show them. */
export function TabList({ tab, onChange }: { tab: PopupTab; onChange(tab: PopupTab): void }) {
  function onKeyDown(event: KeyboardEvent): void {
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length]!;
    onChange(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Tools" onKeyDown={onKeyDown}>
      {TABS.map(({ id, label }) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          onClick={() => onChange(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ id, children }: { id: PopupTab; children: ComponentChildren }) {
  return (
    <section role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`}>
      {children}
    </section>
  );
}
