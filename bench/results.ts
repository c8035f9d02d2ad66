// Where each benchmark leaves its figures: bench/results/<name>.json, and bench/results/latest.json gathering the
// headline keys of all of them (each run of one benchmark updates its part and keeps the others').
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const DIR = path.join(__dirname, 'results');

/** The machine a figure came from: figures are only comparable on the same one. */
export const machine = () => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
});

/** A quick run (`npm run bench -- --quick`, or BENCH_QUICK=1 as bench/run-all.ts passes it) uses smaller sizes. */
export const isQuick = (): boolean => process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export const writeResult = (
  name: string,
  result: Record<string, unknown>,
  headline: Record<string, unknown> = result,
): void => {
  mkdirSync(DIR, { recursive: true });
  const measuredAt = new Date().toISOString();
  const quick = isQuick();
  writeFileSync(
    path.join(DIR, `${name}.json`),
    `${JSON.stringify({ measuredAt, quick, machine: machine(), ...result }, null, 2)}\n`,
  );
  const latestPath = path.join(DIR, 'latest.json');
  const latest = existsSync(latestPath)
    ? (JSON.parse(readFileSync(latestPath, 'utf8')) as Record<string, unknown>)
    : {};
  const keys = HEADLINE_KEYS[name] ?? [];
  const picked = Object.fromEntries(keys.filter((key) => key in headline).map((key) => [key, headline[key]]));
  writeFileSync(
    latestPath,
    `${JSON.stringify(
      { ...latest, ...picked, machine: machine(), [`${name}MeasuredAt`]: measuredAt, [`${name}Quick`]: quick },
      null,
      2,
    )}\n`,
  );
};

/** The keys of each benchmark that latest.json carries. */
const HEADLINE_KEYS: Record<string, string[]> = {
  lifecycles: [
    'transitionsPerEscalationStep',
    'costPer1000LifecyclesUsd',
    'costBreakdownPer1000Usd',
    'messagingCostPer1000LifecyclesUsd',
    'writeUnitsPerLifecycle',
    'paymentToResolvedP99Ms',
    'localRuntimeRssMb',
  ],
  'local-start': ['localStartMs', 'localStartRssMb'],
  webhooks: [
    'webhookP50Ms',
    'webhookP99Ms',
    'webhookRps',
    'baselineRps',
    'baselineP99Ms',
    'webhookRatio',
    'webhookP99OverBaseline',
  ],
  'reminder-run': ['reminderRunAccountsPerSecond', 'startQuotaRatio'],
  bundles: ['bundleKb', 'initMs'],
  queue: ['queueP50Ms', 'queueP99Ms'],
  console: ['consoleJsKbCompressed', 'consoleJsKbBrotli', 'consoleQueueFirstPageMs'],
  reports: ['agingP50Ms', 'agingP99Ms', 'kpisP50Ms', 'kpisP99Ms'],
};
