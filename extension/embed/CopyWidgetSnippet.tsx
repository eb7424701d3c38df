import { useState } from 'preact/hooks';
import { type Page, type PublicEmbedConfig, statusPageUrl } from '../../shared/schemas';
import { WIDGET_RELEASE, type WidgetRelease } from './widget-release';
import { checkConfigUrl, statusSiteOrigin, widgetCspLines, widgetSnippet } from './widget-snippet';

interface Props {
  page: Page;
  /** The page's config as saved on Statuspage. */
  saved: PublicEmbedConfig;
  /** The draft's config, when the Embed tab holds one. */
  draft?: PublicEmbedConfig;
  /** Tests pass their own; the build writes the real one in. */
  release?: WidgetRelease | null;
}

const DOCS = 'https://www.npmjs.com/package/@statuspage-toolkit/status-embed#the-config-endpoint';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Copy widget snippet": this project's script tag for the page, pinned to the build's exact version and integrity,
 * with the page's corner and colours (or the draft's, as a second choice), or reading them from a config endpoint
 * the site runs. After a copy, the Content-Security-Policy lines the site needs, copyable too.
 */
export function CopyWidgetSnippet({ page, saved, draft, release = WIDGET_RELEASE }: Props) {
  const [copied, setCopied] = useState<{ snippet: string; csp: string[]; what: string; clipboard: boolean }>();
  const [configUrl, setConfigUrl] = useState('');
  const [configProblem, setConfigProblem] = useState<string>();
  const site = statusSiteOrigin(statusPageUrl(page));
  if (!release || !site) {
    return (
      <p class="hint">
        {site ? 'This build carries no widget release: run npm run build.' : 'This page has no status domain, so no widget snippet.'}
      </p>
    );
  }
  const draftDiffers =
    draft !== undefined &&
    widgetSnippet({ release, statusSite: site, config: draft }) !== widgetSnippet({ release, statusSite: site, config: saved });

  async function copy(config: PublicEmbedConfig, what: string, url?: string): Promise<void> {
    const snippet = widgetSnippet({ release: release!, statusSite: site!, config, configUrl: url });
    setCopied({ snippet, csp: widgetCspLines(release!, site!, url), what, clipboard: await copyText(snippet) });
  }

  function copyWithConfigUrl(): void {
    const checked = checkConfigUrl(configUrl);
    if ('problem' in checked) {
      setConfigProblem(checked.problem);
      return;
    }
    setConfigProblem(undefined);
    void copy(saved, 'the widget snippet with your config endpoint', checked.url);
  }

  return (
    <div class="stack widget-snippet">
      <div class="actions">
        <button type="button" onClick={() => void copy(saved, 'the widget snippet')}>
          Copy widget snippet
        </button>
        {draftDiffers && (
          <button type="button" onClick={() => void copy(draft, "the widget snippet with the draft's values")}>
            Copy with the draft's values
          </button>
        )}
      </div>
      <p class="hint">
        {release.packageName}@{release.version} from jsDelivr, with its integrity hash, in this page's saved corner and colours.
        {draftDiffers && ' Your unsaved draft differs: the second button uses its values.'}
      </p>
      <details>
        <summary>For a site that runs the config endpoint</summary>
        <div class="field">
          <label for="config-url">Config endpoint URL</label>
          <input
            id="config-url"
            type="url"
            spellcheck={false}
            placeholder="https://www.example.com/embed-config"
            value={configUrl}
            onInput={(event) => setConfigUrl(event.currentTarget.value)}
            aria-invalid={configProblem ? true : undefined}
            aria-describedby={configProblem ? 'config-url-problem' : 'config-url-hint'}
          />
          {configProblem ? (
            <p class="error" id="config-url-problem">
              {configProblem}
            </p>
          ) : (
            <p class="hint" id="config-url-hint">
              The card then reads corner and colours from it, so later changes need no new paste.{' '}
              <a href={DOCS} target="_blank" rel="noopener noreferrer">
                How to run the config endpoint
              </a>
            </p>
          )}
        </div>
        <button type="button" onClick={copyWithConfigUrl}>
          Copy widget snippet with a config URL
        </button>
      </details>
      {copied && (
        <div class="stack" role="status">
          <p class="hint">{copied.clipboard ? `Copied ${copied.what}.` : 'The browser refused the clipboard: select and copy the snippet below.'}</p>
          {!copied.clipboard && (
            <textarea readOnly rows={4} aria-label="Widget snippet" value={copied.snippet} onFocus={(event) => event.currentTarget.select()} />
          )}
          <label for="csp-lines">Content-Security-Policy lines your site needs</label>
          <textarea id="csp-lines" readOnly rows={2} value={copied.csp.join('\n')} onFocus={(event) => event.currentTarget.select()} />
          <div class="actions">
            <button type="button" onClick={() => void copyText(copied.csp.join('\n'))}>
              Copy CSP lines
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
