// Starts the SES-compatible local mail server (aws-ses-v2-local) on a free loopback port.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
