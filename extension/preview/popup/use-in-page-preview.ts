import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type PublicEmbedConfig, pickPublicEmbedConfig } from '../../../shared/schemas';
import type { PopupTabInfo } from '../../context/popup-tab';
import { injectPreviewListener } from './inject';
import { NoPreviewListenerError, openPreviewLink, type PreviewLink, type PreviewLinkEvents } from './preview-link';
import { previewTargetKind, type PreviewTargetKind } from './preview-target';
import type { PreviewConfig, PreviewSample, ShowPreview } from '../protocol';

export interface InPagePreviewOptions {
  /** The tab the popup was opened over; undefined while unknown. */
  tab: PopupTabInfo | undefined;
  /** The Embed tab holds an unsaved draft: only then is there anything to preview. */
  active: boolean;
  config: PublicEmbedConfig;
  sample: PreviewSample;
  statusPageUrl?: string;
}

export type InPagePreviewStatus =
  | { state: 'off' }
  | { state: 'starting' }
  | { state: 'shown' }
  | { state: 'dismissed' }
  | { state: 'ended' }
  | { state: 'failed'; message: string };

export interface InPagePreview {
  kind: PreviewTargetKind;
  status: InPagePreviewStatus;
  /** "Preview on this tab" may be offered: a draft, a page that can show it, and no preview on it now. */
  canRequest: boolean;
  request(): void;
}

/** The five fields and nothing else: the page is told no more than a customer's widget will be. */
const publicFields = (config: PublicEmbedConfig): PreviewConfig => pickPublicEmbedConfig(config) as PreviewConfig;

function failureText(error: unknown): string {
  if (error instanceof NoPreviewListenerError) return 'The page did not take the preview: reload it and try again.';
  return "This tab can't show a preview: open the popup from the toolbar button on the site you want to preview.";
}

/** Connects; on a tab that should have a listener but has none (opened before the extension was installed), or on request, injects it first. */
async function start(tab: PopupTabInfo, kind: PreviewTargetKind, first: ShowPreview, events: PreviewLinkEvents): Promise<PreviewLink> {
  if (kind === 'manage') {
    try {
      return await openPreviewLink(tab.id, first, events);
    } catch (error) {
      if (!(error instanceof NoPreviewListenerError)) throw error;
    }
  }
  await injectPreviewListener(tab.id);
  return openPreviewLink(tab.id, first, events);
}

/**
 * The popup's side of the in-page preview. On manage.statuspage.io it starts by itself when a draft starts; on
 * any other site it starts on `request()`. Either way it follows every edit, and ends with the draft (a save or
 * a revert), when the popup closes (the port goes with it), or when the admin closes it on the page.
 */
export function useInPagePreview({ tab, active, config, sample, statusPageUrl }: InPagePreviewOptions): InPagePreview {
  const kind: PreviewTargetKind = tab ? previewTargetKind(tab.url) : 'unavailable';
  const [wanted, setWanted] = useState(false);
  const [status, setStatus] = useState<InPagePreviewStatus>({ state: 'off' });
  const link = useRef<PreviewLink | undefined>(undefined);

  const message = useMemo<ShowPreview>(
    () => ({ type: 'show', config: publicFields(config), sample, ...(statusPageUrl ? { statusPageUrl } : {}) }),
    [config, sample, statusPageUrl],
  );
  const latest = useRef(message);
  latest.current = message;

  // A draft starting on manage.statuspage.io shows itself; a draft ending (saved, reverted) ends the preview. In the
  // side panel the tab changes (another tab, a new page): the preview moves with it where it may start by itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tab` is the trigger: a new tab or page starts this again
  useEffect(() => {
    setWanted(active && kind === 'manage');
    if (!active) setStatus({ state: 'off' });
    else setStatus((now) => (now.state === 'ended' || now.state === 'shown' ? { state: 'off' } : now));
  }, [active, kind, tab]);

  useEffect(() => {
    if (!wanted || !tab || !active) return;
    let live = true;
    setStatus({ state: 'starting' });
    const ended = (next: InPagePreviewStatus) => {
      if (!live) return;
      link.current = undefined;
      setWanted(false);
      setStatus(next);
    };
    start(tab, kind, latest.current, { onDismissed: () => ended({ state: 'dismissed' }), onEnded: () => ended({ state: 'ended' }) }).then(
      (opened) => {
        if (!live) return opened.close();
        link.current = opened;
        opened.show(latest.current); // an edit made during the handshake
        setStatus({ state: 'shown' });
      },
      (error: unknown) => ended({ state: 'failed', message: failureText(error) }),
    );
    return () => {
      live = false;
      link.current?.close();
      link.current = undefined;
    };
  }, [wanted, tab, kind, active]);

  // Layout effect: the message leaves in the same task as the edit's render, not a frame later.
  useLayoutEffect(() => {
    link.current?.show(message);
  }, [message]);

  const busy = status.state === 'starting' || status.state === 'shown';
  return {
    kind,
    status,
    canRequest: active && kind !== 'unavailable' && !wanted && !busy,
    request: () => setWanted(true),
  };
}
