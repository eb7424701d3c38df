import { normalizeHexColour } from '../../shared';
import type { ColourField as Field } from './embed-draft';

interface Props {
  field: Field;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown when the server has no value for this field. */
  note?: string;
  /** The server's 422 message about this field. */
  serverError?: string;
}

/** A colour picker and a hex field that edit the same value; the hex field may hold a half-typed colour. */
export function ColourField({ field, label, value, onChange, note, serverError }: Props) {
  const valid = normalizeHexColour(value);
  const problem = valid ? undefined : 'Write a colour as #rgb or #rrggbb';
  const messageId = `${field}-message`;
  return (
    <div class="field">
      <label for={`${field}-hex`}>{label}</label>
      <div class="colour-inputs">
        <input type="color" aria-label={`${label}: colour picker`} value={valid ?? '#000000'} onInput={(e) => onChange(e.currentTarget.value)} />
        <input
          id={`${field}-hex`}
          type="text"
          spellcheck={false}
          autoComplete="off"
          maxLength={7}
          value={value}
          onInput={(e) => onChange(e.currentTarget.value)}
          aria-invalid={problem || serverError ? true : undefined}
          aria-describedby={problem || serverError || note ? messageId : undefined}
        />
      </div>
      {problem || serverError ? (
        <p class="error" id={messageId} role={serverError ? 'alert' : undefined}>
          {serverError ?? problem}
        </p>
      ) : (
        note && (
          <p class="hint" id={messageId}>
            {note}
          </p>
        )
      )}
    </div>
  );
}
