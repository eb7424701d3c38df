// The config endpoint on Node: `serveEmbedConfig(options)` serves createEmbedConfigHandler over node:http with
// @hono/node-server (an optional peer dependency of the package: only this module needs it). The package's
// `@statuspage-toolkit/status-embed/config-endpoint/node`; node-server.ts is the same as a command.
import { serve } from '@hono/node-server';
import { createEmbedConfigHandler, type EmbedConfigHandler, type EmbedConfigHandlerOptions } from './handler';

export interface EmbedConfigServerOptions extends EmbedConfigHandlerOptions {
  /** Default 8787; 0 for any free port. */
  port?: number;
  /** Default: every interface (Node's default). */
  hostname?: string;
}

export interface EmbedConfigServer {
  /** `http://<hostname or localhost>:<port>/`: every path answers with the config. */
  readonly url: string;
  readonly port: number;
  /** The handler it serves (its `pending()` is the refresh under way). */
  readonly handler: EmbedConfigHandler;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

interface ClosableServer {
  close(callback: (error?: Error) => void): unknown;
  closeAllConnections?(): void;
  once(event: 'error', listener: (error: Error) => void): unknown;
}

/** Starts serving the page's public embed config; resolves once listening, rejects if the port cannot be had. */
export function serveEmbedConfig({ port = 8787, hostname, ...options }: EmbedConfigServerOptions): Promise<EmbedConfigServer> {
  const handler = createEmbedConfigHandler(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: handler, port, hostname }, (info) => {
      resolve({
        url: `http://${hostname && hostname !== '0.0.0.0' ? hostname : 'localhost'}:${info.port}/`,
        port: info.port,
        handler,
        close: () =>
          new Promise<void>((done, fail) => {
            (server as unknown as ClosableServer).close((error) => (error ? fail(error) : done()));
            (server as unknown as ClosableServer).closeAllConnections?.();
          }),
      });
    }) as unknown as ClosableServer;
    server.once('error', reject);
  });
}
