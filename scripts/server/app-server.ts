// The server `npm start` runs: the built app and the referral receiver (/api/referrals) on loopback. Tests start it on
// a free port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { serveStatic } from './static';
import type { ReferralReceiver } from './referrals';

export interface AppServerOptions {
  /** Folder of the built app. */
  root: string;
  port?: number;
  host?: string;
  /** Answers some requests before the static files (tests use it to serve their own feeds and tiles). */
  handle?: (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;
  /** Answers POST/OPTIONS /api/referrals on the same origin (scripts/server/referrals.ts). */
  referrals?: ReferralReceiver;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const server = createServer((request, response) => {
    Promise.resolve(options.handle ? options.handle(request, response) : false)
      .then((handled) => handled || (options.referrals?.handle(request, response) ?? false))
      .then((handled) => handled || serveStatic(root, request, response))
      .then((handled) => {
        if (!handled) response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () => new Promise((resolveClose) => {
      server.closeAllConnections();
      server.close(() => resolveClose());
    }),
  };
}
