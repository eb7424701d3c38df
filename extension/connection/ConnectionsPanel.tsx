import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from './ask';
import { describeError } from '../ui/error-text';
import { ModalDialog } from '../ui/ModalDialog';
import type { Connection, Connections } from './connections-item';
import { whereText } from './connection-where';
import './connections.css';

interface Props {
  connections: Connections;
  onAdd(): void;
  onChangeKey(): void;
  onDone(): void;
}

/** Every organization the extension is connected to: switch, rename, remove, add, change the current one's key. */
export function ConnectionsPanel({ connections, onAdd, onChangeKey, onDone }: Props) {
  const [renaming, setRenaming] = useState<string>();
  const [removing, setRemoving] = useState<Connection>();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function run(work: () => Promise<unknown>): Promise<boolean> {
    setError(undefined);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(describeError(failure).message);
      return false;
    }
  }

  return (
    <section class="stack" aria-labelledby="connections-title">
      <h2 id="connections-title" tabIndex={-1} ref={heading} style={{ fontSize: '14px', margin: 0 }}>
        Connections
      </h2>
      <ul class="connections">
        {connections.list.map((connection) => {
          const current = connection.id === connections.active;
          return (
            <li key={connection.id} aria-current={current ? 'true' : undefined}>
              {renaming === connection.id ? (
                <RenameForm
                  connection={connection}
                  onCancel={() => setRenaming(undefined)}
                  onRename={async (label) => {
                    if (await run(() => ask('renameConnection', { connectionId: connection.id, label }))) setRenaming(undefined);
                  }}
                />
              ) : (
                <>
                  <p class="connection-name">
                    <strong>{connection.label}</strong>
                    {current && <span class="hint"> (current)</span>}
                  </p>{' '}
                  <p class="hint connection-where">{whereText(connection)}</p>{' '}
                  <div class="actions">
                    {!current && (
                      <button type="button" onClick={() => void run(() => ask('switchConnection', connection.id)).then((ok) => ok && onDone())}>
                        Switch to {connection.label}
                      </button>
                    )}
                    <button type="button" aria-label={`Rename ${connection.label}`} onClick={() => setRenaming(connection.id)}>
                      Rename
                    </button>
                    {current && (
                      <button type="button" onClick={onChangeKey}>
                        Change key
                      </button>
                    )}
                    <button type="button" aria-label={`Remove ${connection.label}`} onClick={() => setRemoving(connection)}>
                      Remove
                    </button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={onAdd}>
          Add an organization
        </button>
        <button type="button" onClick={onDone}>
          Close
        </button>
      </div>
      {removing && (
        <RemoveDialog
          connection={removing}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => {
            const target = removing;
            setRemoving(undefined);
            void run(() => ask('removeConnection', target.id)).then((ok) => ok && connections.list.length <= 1 && onDone());
          }}
        />
      )}
    </section>
  );
}

function RenameForm({ connection, onRename, onCancel }: { connection: Connection; onRename(label: string): void; onCancel(): void }) {
  const [label, setLabel] = useState(connection.label);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const problem = label.trim() ? (label.trim().length > 80 ? 'At most 80 characters' : undefined) : 'Give it a name';
  return (
    <form
      class="field"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onRename(label.trim());
      }}
    >
      <label for={`rename-${connection.id}`}>Name of {connection.label}</label>
      <input
        id={`rename-${connection.id}`}
        ref={input}
        type="text"
        value={label}
        maxLength={120}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `rename-${connection.id}-problem` : undefined}
        onInput={(event) => setLabel(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {problem && (
        <p class="error" id={`rename-${connection.id}-problem`}>
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={Boolean(problem)}>
          Save name
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RemoveDialog({ connection, onConfirm, onCancel }: { connection: Connection; onConfirm(): void; onCancel(): void }) {
  return (
    <ModalDialog
      titleId="remove-connection-title"
      descriptionId="remove-connection-text"
      onCancel={onCancel}
      confirmLabel="Remove connection"
      onConfirm={onConfirm}
    >
      <h2 id="remove-connection-title" style={{ fontSize: '14px', marginTop: 0 }}>
        Remove {connection.label}?
      </h2>
      <p id="remove-connection-text">
        Its API key, cached data, drafts and unsent saves are deleted from this browser. Nothing changes on Statuspage.
      </p>
    </ModalDialog>
  );
}
