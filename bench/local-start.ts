// How long `npm start` takes to answer its first HTTP request, and how much memory the started runtime holds, measured
// the way a user meets it: a child process from the command line, DynamoDB Local and all. The load average is recorded
// with the figure, since a busy machine starts slower. Run: npm run bench:local-start (BENCH_START_RUNS, default 3).
// Writes bench/results/local-start.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../local/dynamodb-local';
import { rssMb } from './processes';
import { writeResult } from './results';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const DEADLINE_MS = 180_000;

const statusOf = (pid: number): string | null => {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
};
const parentOf = (pid: number) => Number(/PPid:\s+(\d+)/.exec(statusOf(pid) ?? '')?.[1] ?? 0);
const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

/** Every process under `root` (itself included), with its command line and resident memory. */
const processTree = (root: number) => {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const parent = parentOf(pid);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: { pid: number; command: string; rssMb: number }[] = [];
  const visit = (pid: number) => {
    tree.push({ pid, command: commandOf(pid).slice(0, 120), rssMb: Math.round(rssMb(pid)) });
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
};

const answers = async (url: string) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
};

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    // The whole group this benchmark started: npm, tsx, the runtime and its DynamoDB Local.
    const force = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-child.pid!, 'SIGTERM');
  });

const startOnce = async () => {
  const port = await freePort();
  const loadAverage = os.loadavg()[0]!;
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ARREARS_QUIET: '1', ARREARS_CLOCK: 'virtual' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > DEADLINE_MS) throw new Error(`npm start did not answer in ${DEADLINE_MS} ms`);
      if (await answers(`http://127.0.0.1:${port}/local/clock`)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ms = Math.round(performance.now() - started);
    const tree = processTree(child.pid!);
    return { ms, loadAverage: Math.round(loadAverage * 100) / 100, rssMb: tree.reduce((a, p) => a + p.rssMb, 0), tree };
  } finally {
    await stop(child);
  }
};

const main = async () => {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await startOnce());
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const result = {
    runs: runs.map(({ ms, loadAverage, rssMb }) => ({ ms, loadAverage, rssMb })),
    localStartMs: median.ms,
    localStartRssMb: median.rssMb,
    processes: median.tree,
  };
  process.stdout.write(
    `npm start answered in ${runs.map((run) => `${run.ms} ms (load ${run.loadAverage})`).join(', ')}; ` +
      `${median.rssMb} MB resident at first answer:\n${median.tree
        .map((p) => `  ${p.rssMb} MB  ${p.command}`)
        .join('\n')}\n`,
  );
  writeResult('local-start', result);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
