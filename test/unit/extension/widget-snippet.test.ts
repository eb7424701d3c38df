import { describe, expect, it } from 'vitest';
import type { WidgetRelease } from '../../../extension/embed/widget-release';
import { checkConfigUrl, statusSiteOrigin, widgetCspLines, widgetSnippet } from '../../../extension/embed/widget-snippet';

const release: WidgetRelease = {
  packageName: '@statuspage-toolkit/status-embed',
  version: '1.2.3',
  file: 'dist/status-embed.js',
  integrity: 'sha384-abc',
};
const DIR = 'https://cdn.jsdelivr.net/npm/@statuspage-toolkit/status-embed@1.2.3/dist/';

describe('widgetSnippet', () => {
  it("pins the exact version and integrity, and carries the page's status site, corner and colours as the widget reads them", () => {
    const config = {
      position: 'bottom_right',
      incident_background_color: '#C00',
      incident_text_color: '#FFFFFF',
      maintenance_background_color: null,
    };
    expect(widgetSnippet({ release, statusSite: 'https://acme-payments.statuspage.io', config })).toBe(
      `<script async src="${DIR}status-embed.js" integrity="sha384-abc" crossorigin="anonymous" data-status-page="https://acme-payments.statuspage.io" ` +
        'data-position="bottom-right" data-incident-background-color="#cc0000" data-incident-text-color="#ffffff" ' +
        'data-maintenance-background-color="#1d4ed8" data-maintenance-text-color="#ffffff"></script>',
    );
  });

  it('adds a config URL when the site runs the endpoint, escaped, and the CSP lines name what the site must allow', () => {
    const snippet = widgetSnippet({
      release,
      statusSite: 'https://status.acme.test',
      config: {},
      configUrl: 'https://www.acme.test/embed-config?a="b"',
    });
    expect(snippet).toContain('data-config-url="https://www.acme.test/embed-config?a=&quot;b&quot;"');
    expect(widgetCspLines(release, 'https://status.acme.test', 'https://www.acme.test/embed-config')).toEqual([
      `script-src ${DIR}`,
      'connect-src https://status.acme.test https://www.acme.test',
    ]);
    expect(widgetCspLines(release, 'https://status.acme.test')).toEqual([`script-src ${DIR}`, 'connect-src https://status.acme.test']);
  });

  it('never writes a hostile value into the tag: a colour or corner that is not one falls back to the default', () => {
    const snippet = widgetSnippet({ release, statusSite: 'https://s.test', config: { position: '"><script>', incident_text_color: 'red;x:url(y)' } });
    expect(snippet).not.toContain('<script>"');
    expect(snippet).toContain('data-position="bottom-left"');
    expect(snippet).toContain('data-incident-text-color="#ffffff"');
  });

  it('takes only a plain host as the status site, and an https config URL', () => {
    expect(statusSiteOrigin('https://Status.Example.com')).toBe('https://status.example.com');
    expect(statusSiteOrigin('https://evil.test/"><x')).toBeUndefined();
    expect(statusSiteOrigin(undefined)).toBeUndefined();
    expect(checkConfigUrl('http://www.example.com/embed-config')).toEqual({ problem: 'The config endpoint must be served over https' });
    expect(checkConfigUrl('not a url')).toMatchObject({ problem: expect.stringContaining('full address') });
    expect(checkConfigUrl(' https://www.example.com/embed-config ')).toEqual({ url: 'https://www.example.com/embed-config' });
  });
});
