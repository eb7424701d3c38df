import { render } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { computeEmbedView, type SampleKind, sampleSummary } from '../../shared/embed';
import type { PublicEmbedConfig } from '../../shared/schemas';
import { adoptCardStyles, sheetOnce } from '../../widget/browser/card';
import { StatusCardFrame } from '../preview/page/StatusCardFrame';

interface Props {
  kind: SampleKind;
  config: PublicEmbedConfig;
  statusPageUrl: string | undefined;
}

/**
 * The popup's own adjustments to the card, for a preview that can be read: the card at its real size (the popup is
 * narrower than the 450 px under which customers' phones get a bottom sheet, so the frame is no size container
 * here), 12 px from the box's edges rather than 60, and no entrance animation on every edit.
 */
const PREVIEW_CSS = `
.contained { container: none; --side: 12px; --edge: 12px; }
.card { animation: none; }
`;
const previewSheet = sheetOnce(PREVIEW_CSS);
function adoptPreviewStyles(root: ShadowRoot): void {
  adoptCardStyles(root);
  const sheet = previewSheet();
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * The customer's card, drawn by the widget's own card function on a sample incident or maintenance, at real size in
 * the chosen corner of a box that stands for the customer's page. It lives in a shadow root with the card's
 * stylesheet, like on a customer's site, and is inert: a picture, not a second set of controls.
 */
export function EmbedPreview({ kind, config, statusPageUrl }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useMemo(
    () => computeEmbedView(sampleSummary(kind, { statusPageUrl: statusPageUrl ?? 'https://status.example.com' }), config),
    [kind, config, statusPageUrl],
  );

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    adoptPreviewStyles(root);
    render(<StatusCardFrame view={view} layout="contained" />, root);
  }, [view]);

  useEffect(() => {
    const element = host.current;
    return () => {
      if (element?.shadowRoot) render(null, element.shadowRoot);
    };
  }, []);

  return (
    <figure class="preview">
      <div class="preview-frame" ref={host} inert data-testid={`preview-${kind}`} data-corner={view?.corner} />
      <figcaption class="preview-caption">
        {kind === 'incident' ? 'Incident' : 'Maintenance'} sample, {view?.corner.replace('-', ' ') ?? 'not shown'} corner, at real size
      </figcaption>
    </figure>
  );
}
