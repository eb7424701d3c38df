import { readColourInput } from './colour-input';
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

/**
 * A colour picker and a hex field that edit the same value. The hex field keeps exactly what was typed or pasted
 * (no length limit cuts a paste short) and says why it is not a colour; leaving it writes the colour meant as
 * `#rrggbb` (`C0392B` and ` #c0392b ` both become `#c0392b`).
 */
export function ColourField({ field, label, value, onChange, note, serverError }: Props) {
  const read = readColourInput(value);
  const valid = read.ok ? read.hex : undefined;
  const problem = read.ok ? undefined : read.reason;
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
          value={value}
          onInput={(e) => onChange(e.currentTarget.value)}
          onBlur={() => {
            if (valid && valid !== value) onChange(valid);
          }}
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
