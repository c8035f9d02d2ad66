// Runs the local runtime as its own process, exactly as `npm start` does, and reads its banner for the URL.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface RuntimeProcess {
  url: string;
  dynamoEndpoint: string;
  child: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface RuntimeProcessOptions {
  /**
   * 'shared' (the default): the runtime keeps its data in a database of its own inside the test run's DynamoDB Local,
   * which spares a JVM start and its warm-up per runtime; 'own': it starts its own DynamoDB Local, as `npm start` does.
   */
  dynamoDb?: 'shared' | 'own';
  /** 'npm': the very command the README gives (`npm start`), so signals reach npm first; default: tsx directly. */
  command?: 'tsx' | 'npm';
}

const ROOT = path.resolve(__dirname, '..', '..');

export const startRuntimeProcess = (
  env: Record<string, string>,
  options: RuntimeProcessOptions = {},
): Promise<RuntimeProcess> =>
  new Promise((resolve, reject) => {
    const shared = options.dynamoDb === 'own' ? undefined : process.env.ARREARS_TEST_DYNAMODB_ENDPOINT;
    const [program, args] =
      options.command === 'npm'
        ? ['npm', ['start', '--silent']]
        : [process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'local/start.ts']];
    const child = spawn(program, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        ARREARS_QUIET: '1',
        ...(shared ? { ARREARS_DYNAMODB_LOCAL: shared } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A test file whose hook timed out never stops what its hook started: the worker's end takes the runtime with it.
    const stopWithWorker = () => child.kill('SIGTERM');
    process.once('exit', stopWithWorker);
    child.once('exit', () => process.off('exit', stopWithWorker));
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the local runtime did not start within 180 s:\n${output}`));
    }, 180_000);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const dynamoEndpoint = /dynamodb:\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (url && dynamoEndpoint) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({
          url,
          dynamoEndpoint,
          child,
          stop: () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local runtime exited with ${code} before it was ready:\n${output}`));
    });
  });
