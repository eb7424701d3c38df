import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { drawStatusCard, type StatusCardProps } from '../../../widget/browser/card';

export interface StatusCardFrameProps extends StatusCardProps {
  /** `fixed`: in a corner of the viewport. `contained`: in a corner of the nearest positioned box (the popup). */
  layout: 'fixed' | 'contained';
}

/**
 * The widget's card in the extension's Preact UI: its live region, with the card drawn into it by the widget's own
 * `drawStatusCard` (a ref and an effect), so the previews show the card drawn the one way customers' pages do.
 * Needs the card's stylesheet in the same shadow root (`adoptCardStyles`).
 */
export function StatusCardFrame({ layout, view, onDismiss, words, lang, offset }: StatusCardFrameProps) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (region.current) drawStatusCard(region.current, { view, onDismiss, words, lang, offset });
  }, [view, onDismiss, words, lang, offset]);
  return h('div', { class: layout, role: 'status', 'aria-live': 'polite', ref: region });
}
