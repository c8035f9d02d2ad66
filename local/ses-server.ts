// Starts the SES-compatible local mail server (aws-ses-v2-local) on a free loopback port.
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Emails the SES stand-in keeps for its own page and GET /store (the runtime's outbox records all of them). */
export const SES_STORE_KEPT = 200;

export interface RunningSes {
  endpoint: string;
  stop(): Promise<void>;
}

export const startSesServer = async (): Promise<RunningSes> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('aws-ses-v2-local') as {
    default:
      | ((config: { host: string; port: number }) => Promise<Server>)
      | { default: (config: { host: string; port: number }) => Promise<Server> };
  };
  const start = typeof module.default === 'function' ? module.default : module.default.default;
  const server = await start({ host: '127.0.0.1', port: 0 });
  // The server keeps every email it was sent, HTML included, for as long as it runs: a second copy of what the runtime's
  // outbox records, growing by the thousand in a long `npm start` or a benchmark. Its own page and GET /store see the
  // newest ones only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getStoreReadonly } = require('aws-ses-v2-local/dist/store') as {
    getStoreReadonly: () => { emails: unknown[] };
  };
  server.on('request', (_request, response: ServerResponse) =>
    response.once('finish', () => {
      const { emails } = getStoreReadonly();
      if (emails.length > SES_STORE_KEPT) emails.splice(0, emails.length - SES_STORE_KEPT);
    }),
  );
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
};
