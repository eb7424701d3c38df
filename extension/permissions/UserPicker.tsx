import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { userDisplayName, type User } from '../../shared/index';
import { searchUsersCounted } from './user-search';

interface Props {
  id: string;
  label: string;
  users: User[];
  selected: User | undefined;
  onSelect(user: User): void;
  /** Focus it when it appears. */
  autoFocus?: boolean;
  placeholder?: string;
}

/**
 * An ARIA combobox: type a name or an email, arrow keys move through the matches, Enter picks, Escape closes.
 * Searches every user of the organization (all pages of the list, from the cache).
 */
export function UserPicker({ id, label, users, selected, onSelect, autoFocus, placeholder }: Props) {
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useMemo(() => (open ? searchUsersCounted(users, query ?? '') : { shown: [], more: 0 }), [users, query, open]);
  const matches = search.shown;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const listId = `${id}-list`;
  const shown = query ?? (selected ? userDisplayName(selected) : '');

  function pick(user: User | undefined): void {
    if (!user) return;
    onSelect(user);
    setQuery(undefined);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + step, 0), Math.max(matches.length - 1, 0)));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setQuery(undefined);
    }
  }

  return (
    <div class="field combobox">
      <label for={id}>{label}</label>
      {/* The list opens under the field (the anchor is the field alone), never over what is typed. */}
      <div class="combobox-anchor">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          ref={input}
          placeholder={placeholder ?? 'Search by name or email'}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && matches[active] ? `${listId}-${matches[active]!.id}` : undefined}
          value={shown}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setQuery(text);
            setActive(0);
            // A cleared field closes the list (arrow down opens it again), so it hides nothing under it.
            setOpen(text.trim() !== '');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Leaving the field drops a search that picked no one: the field shows the chosen user again.
            setOpen(false);
            setQuery(undefined);
          }}
        />
        {open && (
          // Pressing on the list (an option, its scroll bar) must not take focus from the field. The ARIA combobox
          // pattern: focus stays in the field (aria-activedescendant), whose keys move through the options, so the
          // options themselves are neither focusable nor keyed.
          <div role="listbox" class="listbox" id={listId} aria-label={`Matches for ${label.toLowerCase()}`} onMouseDown={(e) => e.preventDefault()}>
            {matches.length === 0 && (
              // biome-ignore lint/a11y/useFocusableInteractive: combobox pattern, focus stays in the field
              <div role="option" aria-disabled="true" aria-selected="false">
                No user matches "{query}"
              </div>
            )}
            {matches.map((user, index) => (
              // biome-ignore lint/a11y/useFocusableInteractive: combobox pattern, focus stays in the field
              // biome-ignore lint/a11y/useKeyWithClickEvents: the field's arrow keys and Enter pick an option
              <div key={user.id} id={`${listId}-${user.id}`} role="option" aria-selected={index === active} onClick={() => pick(user)}>
                {userDisplayName(user)}
                <span class="sub">{user.email}</span>
              </div>
            ))}
            {search.more > 0 && (
              // The list stops at the first matches: say how many more there are, and how to reach them.
              // biome-ignore lint/a11y/useFocusableInteractive: combobox pattern, focus stays in the field
              <div role="option" aria-disabled="true" aria-selected="false" class="more">
                {search.more} more {search.more === 1 ? 'user matches' : 'users match'}: type more of a name or email to narrow the list
              </div>
            )}
          </div>
        )}
      </div>
      <p class="hint">
        {users.length} {users.length === 1 ? 'user' : 'users'} in the organization
      </p>
    </div>
  );
}
