// Measures the console as a person first meets it: (a) the JavaScript its first load fetches, compressed, against a
// 200 KB budget; (b) with 100,000 open debts in the local runtime's table, the time from navigating to
// /console/#/queue until the first page's rows are visible in Chromium, median of a few cold loads, against 1 s.
// Run: npm run bench:console (BENCH_CONSOLE_DEBTS, BENCH_CONSOLE_RUNS). Writes bench/results/console.json.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isQuick, writeResult } from './results';

const DEBTS = Number(process.env.BENCH_CONSOLE_DEBTS ?? (isQuick() ? 2_000 : 100_000));
const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? (isQuick() ? 3 : 5));
/** The debts whose invoices are written: any first page shows some of the highest ranked (see seed()). */
const INVOICED = 1_000;
const NOW = '2027-03-01T10:00:00Z';
const JS_BUDGET_KB = 200;
const FIRST_PAGE_BUDGET_MS = 1_000;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The scripts the built index.html loads at once: its module entry and every module it preloads. */
const firstLoadScripts = (dist: string): string[] => {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const urls = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]!),
  ];
  return [...new Set(urls)];
};

const measureBundle = (dist: string) => {
  const files = firstLoadScripts(dist).map((url) => {
    const body = readFileSync(path.join(dist, url.replace(/^\/console\//, '')));
    return {
      url,
      rawKb: kb(body.length),
      gzipKb: kb(gzipSync(body, { level: 9 }).length),
      brotliKb: kb(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
    };
  });
  const sum = (key: 'rawKb' | 'gzipKb' | 'brotliKb') =>
    Math.round(files.reduce((total, file) => total + file[key], 0) * 10) / 10;
  return { files, rawKb: sum('rawKb'), gzipKb: sum('gzipKb'), brotliKb: sum('brotliKb') };
};

const main = async () => {
  const { CONSOLE_DIST, ensureConsoleBuilt } = await import('../local/console-assets');
  const { startRuntimeProcess } = await import('../test/e2e/runtime-process');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../test/browser/chromium');
  const { chromium } = await import('playwright-core');
  const { createDocumentClient } = await import('../shared/adapters/dynamodb/client');
  const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../local/dynamodb-local');
  const { TABLE_NAME } = await import('../local/runtime');
  const { benchDebt } = await import('./queue-items');
  const { batchWrite } = await import('./batch-write');

  ensureConsoleBuilt((line) => process.stdout.write(`${line}\n`));
  const bundle = measureBundle(CONSOLE_DIST);

  // The runtime as `npm start` runs it, with a DynamoDB Local of its own that this process writes into directly.
  const runtime = await startRuntimeProcess(
    { ARREARS_CLOCK: 'virtual', ARREARS_CLOCK_START: NOW },
    { dynamoDb: 'own' },
  );
  const client = createDocumentClient({
    endpoint: runtime.dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const loadStarted = performance.now();
    const debts = Array.from({ length: DEBTS }, (_, n) => benchDebt('demo', n, { collectors: 20, now: NOW }));
    // Every debt and its customer; the invoices of the highest ranked only. Each invoice write is counted into the
    // report ledger by the runtime's stream consumer, and 100,000 of them would keep it busy through the measurement;
    // a page reads its invoices by key (BatchGetItem), which costs the same whatever else the table holds.
    const invoiced = new Set(
      [...debts]
        .sort((a, b) => b.priority - a.priority)
        .slice(0, INVOICED)
        .map((debt) => debt.invoice.id),
    );
    await batchWrite(client, TABLE_NAME, [
      ...debts.flatMap((debt) => [debt.delinquency, debt.customer]),
      ...debts.filter((debt) => invoiced.has(debt.invoice.id)).map((debt) => debt.invoice),
    ]);
    const loadSeconds = Math.round((performance.now() - loadStarted) / 1000);
    // Moving the clock a second answers once the runtime is idle (the stream consumer has caught up with the writes).
    await fetch(`${runtime.url}/local/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'PT1S' }),
    });
    const token = (
      (await (
        await fetch(`${runtime.url}/local/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'demo-manager' }),
        })
      ).json()) as { idToken: string }
    ).idToken;

    /** One cold load (a fresh browser context: empty cache) of the manager's queue; the scripts it fetched. */
    const load = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
      // Signed in already, as after the identity provider's redirect: the token is in the tab's session storage.
      await context.addInitScript((idToken: string) => {
        (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
          'arrears.idToken',
          idToken,
        );
      }, token);
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
      });
      const started = performance.now();
      await page.goto(`${runtime.url}/console/#/queue`, { waitUntil: 'commit' });
      await page.locator('table.queue-table tbody tr').first().waitFor({ state: 'visible' });
      const ms = performance.now() - started;
      const rows = await page.locator('table.queue-table tbody tr').count();
      // Where the time went, by the page's own clock: each request's end since the navigation began.
      const timeline = (await page.evaluate(
        `performance.getEntriesByType('resource').map((entry) => [new URL(entry.name).pathname, Math.round(entry.startTime), Math.round(entry.responseEnd)])`,
      )) as [string, number, number][];
      await context.close();
      return { ms, rows, scripts, timeline };
    };
    await load(); // warms the runtime's handlers and DynamoDB Local's JVM, as any first request after a start would
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await load());
    const fetched = [...new Set(runs.flatMap((run) => run.scripts))].sort();
    const unlisted = fetched.filter((url) => !bundle.files.some((file) => file.url === url));
    if (unlisted.length > 0) throw new Error(`the first load fetched scripts index.html does not list: ${unlisted}`);
    const firstPageMs = Math.round(median(runs.map((run) => run.ms)));

    const lines = [
      `console: first load's JavaScript ${bundle.gzipKb} KB gzip / ${bundle.brotliKb} KB brotli (${bundle.rawKb} KB raw, ${bundle.files.length} files; budget ${JS_BUDGET_KB} KB)`,
      `console: queue's first page (${runs[0]!.rows} rows) visible ${firstPageMs} ms after navigation, median of ${RUNS} cold loads, ${DEBTS.toLocaleString('en')} open debts (loaded in ${loadSeconds} s; budget ${FIRST_PAGE_BUDGET_MS} ms)`,
      `  runs: ${runs.map((run) => Math.round(run.ms)).join(', ')} ms`,
      `  requests of the median run (path start→end ms): ${runs
        .find((run) => Math.round(run.ms) === firstPageMs)
        ?.timeline.map(([name, start, end]) => `${name} ${start}→${end}`)
        .join(', ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    writeResult(
      'console',
      {
        debts: DEBTS,
        runs: RUNS,
        bundle,
        fetchedScripts: fetched,
        firstPageRunsMs: runs.map((run) => Math.round(run.ms)),
        rows: runs[0]!.rows,
        consoleJsKbCompressed: bundle.gzipKb,
        consoleJsKbBrotli: bundle.brotliKb,
        consoleQueueFirstPageMs: firstPageMs,
      },
      {
        consoleJsKbCompressed: bundle.gzipKb,
        consoleJsKbBrotli: bundle.brotliKb,
        consoleQueueFirstPageMs: firstPageMs,
      },
    );
    if (bundle.gzipKb > JS_BUDGET_KB || firstPageMs > FIRST_PAGE_BUDGET_MS)
      process.stderr.write('console: over budget\n');
  } finally {
    await browser.close();
    client.destroy();
    await runtime.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
