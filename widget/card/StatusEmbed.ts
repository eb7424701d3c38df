import { h } from 'preact';
import type { EmbedView } from '../../shared/embed/view';

export interface StatusEmbedProps {
  /** What to show (from `computeEmbedView`); null renders only the empty live region. */
  view: EmbedView | null;
  /** Called with `view.dismissKey` when the visitor dismisses the card. */
  onDismiss?: (dismissKey: string) => void;
  /** `fixed`: in a corner of the viewport (the widget). `contained`: in a corner of the nearest positioned box (previews). */
  layout?: 'fixed' | 'contained';
}

const external = { target: '_blank', rel: 'noopener noreferrer' };

/**
 * The status card. The live region is always rendered, so that screen readers announce the card when it
 * appears inside it (a region created together with its text is often not announced). Needs the card's
 * stylesheet in the same shadow root (`adoptCardStyles`). Written with `h` rather than JSX: the JSX runtime
 * would cost the widget's size budget a few hundred bytes.
 */
export function StatusEmbed({ view, onDismiss, layout = 'fixed' }: StatusEmbedProps) {
  return h(
    'div',
    { class: layout, role: 'status', 'aria-live': 'polite' },
    view &&
      h(
        'div',
        {
          key: view.dismissKey, // a new update is a new card: it animates in and is announced again
          class: `card ${view.kind} ${view.corner.replace('-', ' ')}`,
          style: { '--bg': view.colours.background, '--fg': view.colours.text },
        },
        h('p', { class: 'label' }, view.label),
        h('p', { class: 'name' }, h('a', { href: view.href, ...external }, view.name)),
        h('p', { class: 'detail' }, view.detail),
        view.more && h('a', { class: 'more', href: view.more.href, ...external }, `+${view.more.count} more`),
        h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss status message', onClick: () => onDismiss?.(view.dismissKey) }, '×'),
      ),
  );
}
