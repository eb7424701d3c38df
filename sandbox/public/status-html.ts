// A tiny public status page per page, so a summary's links (page.url, shortlink) lead somewhere. It renders
// from the summary being served, an override included, so it reads leniently: anything may be missing, and
// every string is escaped (names and bodies are data, never markup).

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const asList = (value: unknown): Loose[] => (Array.isArray(value) ? value.map(asObject) : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
article{border:1px solid #d0d7de;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
.meta{color:#57606a;font-size:.9rem}.body{white-space:pre-wrap}ul{padding-left:1.2rem}`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${content}
</body>
</html>
`;
}

function incidentPath(pageId: string, incidentId: unknown): string {
  return `/status/${encodeURIComponent(pageId)}/incidents/${encodeURIComponent(asText(incidentId))}`;
}

function incidentCard(pageId: string, incident: Loose): string {
  const latest = asList(incident.incident_updates)[0] ?? {};
  const window =
    incident.scheduled_for || incident.scheduled_until
      ? `<p class="meta">Scheduled ${escapeHtml(incident.scheduled_for)} to ${escapeHtml(incident.scheduled_until)}</p>`
      : '';
  return `<article>
<h3><a href="${escapeHtml(incidentPath(pageId, incident.id))}">${escapeHtml(incident.name)}</a></h3>
<p class="meta">${escapeHtml(incident.status)} · impact ${escapeHtml(incident.impact)}</p>${window}
<p class="body">${escapeHtml(latest.body)}</p>
<p class="meta">Updated <time>${escapeHtml(latest.display_at ?? incident.updated_at)}</time></p>
</article>`;
}

/** The status page of `summary` (the summary.json being served for `pageId`). */
export function renderStatusPage(pageId: string, summary: unknown): string {
  const data = asObject(summary);
  const name = asText(asObject(data.page).name) || pageId;
  const incidents = asList(data.incidents);
  const maintenances = asList(data.scheduled_maintenances);
  const components = asList(data.components);
  const content = `<header><h1>${escapeHtml(name)}</h1>
<p><strong>${escapeHtml(asObject(data.status).description)}</strong></p></header>
<section><h2>Current incidents</h2>
${incidents.length ? incidents.map((incident) => incidentCard(pageId, incident)).join('\n') : '<p>No incidents right now.</p>'}
</section>
<section><h2>Scheduled maintenance</h2>
${maintenances.length ? maintenances.map((maintenance) => incidentCard(pageId, maintenance)).join('\n') : '<p>None scheduled.</p>'}
</section>
<section><h2>Components</h2><ul>
${components.map((component) => `<li>${escapeHtml(component.name)}: ${escapeHtml(component.status)}</li>`).join('\n')}
</ul></section>
<footer class="meta"><a href="/status/${encodeURIComponent(pageId)}/api/v2/summary.json">summary.json</a></footer>`;
  return layout(`${name} status`, content);
}

/** One incident or maintenance with its whole history (where `shortlink` points). */
export function renderIncidentPage(pageId: string, pageName: string, incident: unknown): string {
  const data = asObject(incident);
  const updates = asList(data.incident_updates)
    .map(
      (update) => `<li><strong>${escapeHtml(update.status)}</strong> <time class="meta">${escapeHtml(update.display_at)}</time>
<p class="body">${escapeHtml(update.body)}</p></li>`,
    )
    .join('\n');
  const content = `<p><a href="/status/${encodeURIComponent(pageId)}/">${escapeHtml(pageName)}</a></p>
<h1>${escapeHtml(data.name)}</h1>
<p class="meta">${escapeHtml(data.status)} · impact ${escapeHtml(data.impact)}</p>
<ol>${updates}</ol>`;
  return layout(`${asText(data.name)} · ${pageName}`, content);
}
