// `npm start` stops cleanly: SIGTERM ends the process with code 0 and takes DynamoDB Local (Java) with it.
import { connect } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startRuntimeProcess } from './runtime-process';

const portAnswers = (endpoint: string) =>
  new Promise<boolean>((resolve) => {
    const url = new URL(endpoint);
    const socket = connect(Number(url.port), url.hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('local runtime lifecycle', () => {
  it('shuts down on SIGTERM with exit code 0 and no Java process left listening', async () => {
    // Its own DynamoDB Local, since what is checked is that the runtime takes it down.
    const runtime = await startRuntimeProcess(
      { ARREARS_LOCAL_TENANTS: 'solo:solo-key-00000001:whsec_solo' },
      { dynamoDb: 'own' },
    );
    expect(await portAnswers(runtime.dynamoEndpoint)).toBe(true);
    expect((await fetch(`${runtime.url}/v1/openapi.json`)).status).toBe(200);
    expect(await runtime.stop()).toBe(0);
    expect(await portAnswers(runtime.dynamoEndpoint)).toBe(false);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'item 18: %s to the `npm start` process the README starts stops the runtime and DynamoDB Local',
    async (signal) => {
      const runtime = await startRuntimeProcess(
        { ARREARS_LOCAL_TENANTS: 'solo:solo-key-00000001:whsec_solo' },
        { dynamoDb: 'own', command: 'npm' },
      );
      expect(await portAnswers(runtime.url)).toBe(true);
      expect(await portAnswers(runtime.dynamoEndpoint)).toBe(true);
      const exited = new Promise<number | null>((done) => runtime.child.once('exit', (code) => done(code)));
      runtime.child.kill(signal);
      expect(await exited).toBe(0);
      // npm's script execs tsx, which hands the signal to the runtime; it stops the server and Java before exiting.
      expect(await portAnswers(runtime.url)).toBe(false);
      expect(await portAnswers(runtime.dynamoEndpoint)).toBe(false);
    },
  );

  it('says clearly that Java is missing instead of failing obscurely', () => {
    const emptyPath = mkdtempSync(path.join(os.tmpdir(), 'no-java-'));
    const result = spawnSync(
      process.execPath,
      [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'local/start.ts'],
      {
        cwd: path.resolve(__dirname, '..', '..'),
        env: { ...process.env, PATH: emptyPath, PORT: '0' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DynamoDB Local needs a Java 17+ runtime');
    expect(result.stderr).toContain('openjdk-17-jre-headless');
  });
});
