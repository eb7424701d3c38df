import { contrastRatio, formatRatio, WCAG_AA_NORMAL_TEXT } from './contrast';

interface Props {
  /** "Incident", "Maintenance". */
  name: string;
  text: string;
  background: string;
}

/** The WCAG AA check for one text/background pair: a warning below 4.5:1, a quiet pass otherwise. */
export function ContrastNote({ name, text, background }: Props) {
  const ratio = contrastRatio(text, background);
  if (ratio === undefined) return null;
  if (ratio < WCAG_AA_NORMAL_TEXT) {
    return (
      <p class="contrast fails" data-testid={`contrast-${name.toLowerCase()}`}>
        ⚠ {name} text on its background is {formatRatio(ratio)}, below the 4.5:1 that WCAG AA asks for: some visitors will not be able to read it.
      </p>
    );
  }
  return (
    <p class="contrast passes" data-testid={`contrast-${name.toLowerCase()}`}>
      ✓ {name} contrast {formatRatio(ratio)} (WCAG AA)
    </p>
  );
}
