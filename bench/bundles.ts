// Bundles every function the way the CDK does (esbuild, minified, CommonJS, the AWS SDK left to the runtime) and
// measures each bundle's size and its init time (loading it in a fresh Node.js process, the SDK modules it needs
// included), beside an empty handler's. Run: npm run bench:bundles. Writes bench/results/bundles.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { CDK_BUNDLING } from './cdk-bundling';
import { writeResult } from './results';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', '.bundles');
const RUNS = Number(process.env.BENCH_INIT_RUNS ?? 5);

const entries = (): { name: string; file: string }[] =>
  ['api', 'events', 'schedules', 'tasks'].flatMap((folder) =>
    readdirSync(path.join(ROOT, 'functions', folder))
      .filter((file) => file.endsWith('.handler.ts'))
      .map((file) => ({
        name: `${folder}/${file.replace('.handler.ts', '')}`,
        file: path.join(ROOT, 'functions', folder, file),
      })),
  );

const bundle = (name: string, entry: string) => {
  const outfile = path.join(OUT, `${name.replace('/', '__')}.js`);
  buildSync({ ...CDK_BUNDLING, entryPoints: [entry], outfile, logLevel: 'silent' });
  return outfile;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 10) / 10;
};

/** Median milliseconds to require the bundle and reach its handler, each in a fresh process. */
const initMs = (file: string): number => {
  const script = `const t=performance.now();const m=require(${JSON.stringify(file)});if(typeof m.handler!=='function')throw new Error('no handler');process.stdout.write(String(performance.now()-t));`;
  const times = Array.from({ length: RUNS }, () =>
    Number(
      execFileSync(process.execPath, ['-e', script], {
        cwd: ROOT,
        env: { ...process.env, AWS_REGION: 'us-east-1' },
      }).toString(),
    ),
  );
  return Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]! * 10) / 10;
};

const main = () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const emptyEntry = path.join(OUT, 'empty-source.js');
  writeFileSync(emptyEntry, 'exports.handler = async () => ({ statusCode: 200 });\n');
  const emptyFile = bundle('empty', emptyEntry);
  const rows = [
    { name: '(empty handler)', kb: Math.round((statSync(emptyFile).size / 1024) * 10) / 10, ms: initMs(emptyFile) },
  ];
  for (const { name, file } of entries()) {
    const out = bundle(name, file);
    rows.push({ name, kb: Math.round((statSync(out).size / 1024) * 10) / 10, ms: initMs(out) });
  }
  rmSync(OUT, { recursive: true, force: true });
  const functions = rows.slice(1);
  const bundleKb = Object.fromEntries(rows.map((row) => [row.name, row.kb]));
  const init = Object.fromEntries(rows.map((row) => [row.name, row.ms]));
  const largest = Math.max(...functions.map((row) => row.kb));
  const smallest = Math.min(...functions.map((row) => row.kb));
  const slowest = Math.max(...functions.map((row) => row.ms));
  const medianKb = median(functions.map((row) => row.kb));
  const medianInitMs = median(functions.map((row) => row.ms));
  process.stdout.write(
    [
      `${functions.length} functions bundled as the CDK does (init: median of ${RUNS} fresh processes)`,
      '',
      '| function | bundle | init |',
      '| --- | --- | --- |',
      ...rows.map((row) => `| ${row.name} | ${row.kb} KB | ${row.ms} ms |`),
      '',
      `bundles: median ${medianKb} KB, smallest ${smallest} KB, largest ${largest} KB; init: median ${medianInitMs} ms, slowest ${slowest} ms`,
    ].join('\n') + '\n',
  );
  writeResult('bundles', {
    bundleKb,
    initMs: init,
    medianKb,
    smallestKb: smallest,
    largestKb: largest,
    medianInitMs,
    slowestInitMs: slowest,
  });
};

main();
