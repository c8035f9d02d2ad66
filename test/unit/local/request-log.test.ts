// Item 10 of issue 13: the local runtime's one line per request names the route, never the link tokens in it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer, type HttpServerParts } from '../../../local/http-server';

const TOKEN = 'Zx9_secretPayToken_0123456789';
let server: Server;
let base = '';
const lines: string[] = [];

beforeAll(async () => {
  const answer = async () => ({ statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' });
  const parts = {
    handlers: new Map([
      ['GetPayPage', answer],
      ['PostUnsubscribe', answer],
      ['GetUnsubscribe', answer],
    ]),
    clock: { now: () => new Date('2026-12-10T10:00:00Z') },
    log: (line: string) => lines.push(line),
  } as unknown as HttpServerParts;
  server = createHttpServer(parts);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const logged = async (path: string, method = 'GET') => {
  lines.length = 0;
  await (await fetch(`${base}${path}`, { method })).text();
  // The line is written when the answer is finished; wait for it without a timer.
  for (let turn = 0; turn < 100 && lines.length === 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  return lines.join('\n');
};

describe('item 10: the local request log', () => {
  it('item 10: the local request log redacts tokens in paths and queries', async () => {
    const page = await logged(`/v1/pay/${TOKEN}?token=${TOKEN}&lang=nb`);
    expect(page).toMatch(/^GET \/v1\/pay\/\S+ 200 /);
    expect(page).not.toContain(TOKEN);
    expect(page).toContain('lang=nb');
    const unsubscribe = await logged(`/v1/unsubscribe/${TOKEN}`, 'POST');
    expect(unsubscribe).toMatch(/^POST \/v1\/unsubscribe\/\S+ 200 /);
    expect(unsubscribe).not.toContain(TOKEN);
    const unknown = await logged(`/v1/pay/${TOKEN}/nothing-here`);
    expect(unknown).not.toContain(TOKEN);
  });
});
