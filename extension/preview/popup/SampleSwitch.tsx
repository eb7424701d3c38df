import type { PreviewSample } from '../protocol';
import './sample-switch.css';

interface Props {
  value: PreviewSample;
  onChange(sample: PreviewSample): void;
}

/** Which sample the previews show (in the popup and on the page): one radio group, arrow keys move between the two. */
export function SampleSwitch({ value, onChange }: Props) {
  return (
    <fieldset class="sample-switch">
      <legend>Preview sample</legend>
      <div class="choices">
        {(['incident', 'maintenance'] as const).map((sample) => (
          <label key={sample}>
            <input type="radio" name="preview-sample" value={sample} checked={value === sample} onChange={() => onChange(sample)} />
            {sample === 'incident' ? 'Incident' : 'Maintenance'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
