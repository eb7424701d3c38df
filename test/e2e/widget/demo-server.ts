// The widget demo (widget/demo) on a real port, next to the worker's sandbox: the whole chain a customer
// runs, the config endpoint included.
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSandbox } from '../../../sandbox';
import { createWidgetDemo } from '../../../widget/demo';
import { widgetScript } from './customer-site';

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export async function startDemoServer(sandbox: RunningSandbox): Promise<DemoServer> {
  widgetScript(); // fails early, with the fix, when the widget is not built
  const app = createWidgetDemo(sandbox);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a page keeping a connection alive must not hang the test
      }),
  };
}
