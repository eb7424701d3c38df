import type { Connection } from './connections-item';

/** Where a connection goes, for the Connections list: its organization (unless its name already says it) and the API's host. */
export function whereText(connection: Pick<Connection, 'label' | 'organizationId' | 'apiBaseUrl'>): string {
  const host = new URL(connection.apiBaseUrl).host;
  return connection.label.includes(connection.organizationId) ? host : `Organization ${connection.organizationId} · ${host}`;
}
