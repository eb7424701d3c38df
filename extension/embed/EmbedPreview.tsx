import { render } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { computeEmbedView, sampleSummary, type SampleKind } from '../../shared/embed';
import type { PublicEmbedConfig } from '../../shared';
import { adoptCardStyles, StatusEmbed } from '../../widget/card';

interface Props {
  kind: SampleKind;
  config: PublicEmbedConfig;
  statusPageUrl: string | undefined;
}

/**
 * The customer's card, drawn by the widget's own StatusEmbed on a sample incident or maintenance, in the
 * chosen corner of a page scaled down to fit (a 960×400 page at 40 %). It lives in a shadow root with the
 * card's stylesheet, like on a customer's site, and is inert: a picture, not a second set of controls.
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
    adoptCardStyles(root);
    render(<StatusEmbed view={view} layout="contained" />, root);
  }, [view]);

  useEffect(() => {
    const element = host.current;
    return () => {
      if (element?.shadowRoot) render(null, element.shadowRoot);
    };
  }, []);

  const label = kind === 'incident' ? 'Incident' : 'Maintenance';
  return (
    <figure style={{ margin: 0 }}>
      <div class="preview-frame">
        <div class="preview-page" ref={host} inert data-testid={`preview-${kind}`} data-corner={view?.corner} />
      </div>
      <figcaption class="preview-caption">
        {label} sample, {view?.corner.replace('-', ' ') ?? 'not shown'}
      </figcaption>
    </figure>
  );
}
