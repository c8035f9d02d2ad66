// `npm run bench`: every benchmark in turn, each in a process of its own (never two at once: they measure time and
// memory). `npm run bench -- --quick` runs them at sizes that together finish in about five minutes on a two-core
// machine and write the same keys, marked quick in bench/results; the full sizes are the README's. A size set in the
// environment wins over both.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');

/** Each benchmark, and its environment for a quick run. */
const BENCHMARKS: { name: string; quick: Record<string, string> }[] = [
  { name: 'local-start', quick: { BENCH_START_RUNS: '1' } },
  { name: 'bundles', quick: { BENCH_INIT_RUNS: '1' } },
  { name: 'webhooks', quick: { BENCH_EVENTS: '200', BENCH_WARM_UP: '1000' } },
  { name: 'reports', quick: { BENCH_INVOICES: '2000', BENCH_ITERATIONS: '10', BENCH_TODAY_PAYMENTS: '50' } },
  { name: 'queue', quick: { BENCH_DELINQUENCIES: '2000' } },
  { name: 'console', quick: { BENCH_CONSOLE_DEBTS: '2000', BENCH_CONSOLE_RUNS: '3' } },
  { name: 'reminder-run', quick: { BENCH_PORTFOLIO: '2000', BENCH_PILOT: '200' } },
  // 90 lifecycles give 54 payments to time (the p99 asks for 50 at least). The payment-free ladder keeps its full 20:
  // its 53 days of hourly runs cost the same time for 5 lifecycles, and shared among 5 their writes counted 124 units
  // per lifecycle, against 115 among 20.
  { name: 'lifecycles', quick: { BENCH_LIFECYCLES: '90' } },
];

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const started = performance.now();
const timings: string[] = [];
for (const bench of BENCHMARKS) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  const benchStarted = performance.now();
  process.stdout.write(`\n== ${bench.name}${quick ? ' (quick)' : ''}\n`);
  const env = { ...(quick ? { ...bench.quick, BENCH_QUICK: '1' } : {}), ...process.env };
  // Through its npm script: the lifecycles run with the heap cap `npm start` has (package.json).
  const run = spawnSync('npm', ['run', '--silent', `bench:${bench.name}`], { cwd: ROOT, env, stdio: 'inherit' });
  const seconds = Math.round((performance.now() - benchStarted) / 1000);
  timings.push(`${bench.name} ${seconds} s`);
  if (run.status !== 0) {
    process.stderr.write(`${bench.name} failed (exit ${run.status ?? run.signal}); stopping.\n`);
    process.exit(1);
  }
}
process.stdout.write(
  `\nAll benchmarks${quick ? ' (quick)' : ''} in ${Math.round((performance.now() - started) / 1000)} s: ${timings.join(', ')}\n`,
);
