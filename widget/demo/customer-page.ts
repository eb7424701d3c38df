// The HTML of the demo customer page: a product page of the kind that pastes our script tag.

export interface CustomerPageInput {
  pageId: string;
  pageName: string;
  statusPageUrl: string;
  configUrl: string;
  scriptUrl: string;
  sandboxUrl: string;
  otherPages: Array<{ id: string; name: string }>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text and attribute values from the sandbox are data: escaped, never markup. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

export function customerPageHtml(input: CustomerPageInput): string {
  const e = escapeHtml;
  const env = `SANDBOX_URL=${input.sandboxUrl}`;
  const others = input.otherPages.map((page) => `<li><a href="/demo/${e(page.id)}">${e(page.name)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(input.pageName)}: status embed demo</title>
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
<header><strong>${e(input.pageName)}</strong><a href="${e(input.statusPageUrl)}/">Status page</a></header>
<main>
<section class="hero">
<h1>Everything your team ships, in one place.</h1>
<p>This is a stand-in for a customer's website. It loads the status embed with one script tag and runs under a
strict Content Security Policy: only the widget's script, the status page and the config endpoint are allowed.</p>
</section>
<section class="try">
<h2>Open an incident and watch the card appear</h2>
<pre>${e(env)} npm run incident -- open "Checkout is slow" --impact major --page ${e(input.pageId)}</pre>
<p>Then reload this page (the widget also checks every minute while the tab is visible). Resolve it with:</p>
<pre>${e(env)} npm run incident -- resolve &lt;incident id&gt; --page ${e(input.pageId)}</pre>
<p>A maintenance under way shows too:
<code>${e(env)} npm run incident -- maintenance open "Database upgrade" --status in_progress --page ${e(input.pageId)}</code>.
Corner and colours come from the page's embed config (edit them with the extension, or PATCH the sandbox).</p>
<p>The tag on this page:</p>
<pre>${e(`<script async src="${input.scriptUrl}" data-status-page="${input.statusPageUrl}" data-config-url="${input.configUrl}"></script>`)}</pre>
<nav>Other pages: <ul>${others}</ul></nav>
</section>
</main>
<script async src="${e(input.scriptUrl)}" data-status-page="${e(input.statusPageUrl)}" data-config-url="${e(input.configUrl)}"></script>
</body>
</html>
`;
}

/** The strict policy the demo runs under: the widget must need nothing more. */
export function customerPageCsp(sandboxOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${sandboxOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
