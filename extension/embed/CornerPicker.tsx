import { CORNERS, type Corner } from '../../shared/index';

const LABELS: Record<Corner, string> = {
  'top-left': 'Top left',
  'top-right': 'Top right',
  'bottom-left': 'Bottom left',
  'bottom-right': 'Bottom right',
};
// Laid out as the screen is: top row first.
const ORDER: Corner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

interface Props {
  value: Corner;
  onChange(corner: Corner): void;
  note?: string;
  error?: string;
}

/** The four corners as one radio group: arrow keys move between them. */
export function CornerPicker({ value, onChange, note, error }: Props) {
  return (
    <fieldset aria-describedby={error ? 'position-error' : undefined}>
      <legend>Position</legend>
      <div class="corners">
        {ORDER.filter((corner) => CORNERS.includes(corner)).map((corner) => (
          <label key={corner}>
            <input type="radio" name="position" value={corner} checked={value === corner} onChange={() => onChange(corner)} />
            {LABELS[corner]}
          </label>
        ))}
      </div>
      {note && <p class="hint">{note}</p>}
      {error && (
        <p class="error" id="position-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
