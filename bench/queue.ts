// Measures the work queue on 100,000 open delinquencies of one tenant in DynamoDB Local: the first page, a deep page
// reached by cursor, one collector's queue, and filtered pages, each answered by the real handler in-process.
// Run: npm run bench:queue (BENCH_DELINQUENCIES to change the size). Writes bench/results/queue.json.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchWrite } from './batch-write';
import { writeResult } from './results';

const COUNT = Number(process.env.BENCH_DELINQUENCIES ?? 100_000);
const SAMPLES = 200;
const COLLECTORS = 20;
const KEY = 'bench-queue-key-0001';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const main = async () => {
  const { startDynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../local/dynamodb-local');
  const { createTable } = await import('../local/create-table');
  const { createDocumentClient } = await import('../shared/adapters/dynamodb/client');
  const { buildApiDependencies } = await import('../shared/env/api-dependencies');
  const { createHandler } = await import('../functions/api/list-delinquencies.handler');
  const { benchDebt } = await import('./queue-items');
  const { sha256Hex } = await import('../shared/domain/ids');
  const { apiEvent, context } = await import('../test/fixtures/api-event');
  const { defaultTenantSettings } = await import('../shared/schemas/tenant.schema');

  const dynamo = await startDynamoDbLocal();
  const config = { endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const raw = new DynamoDBClient(config);
  const client = createDocumentClient(config);
  try {
    await createTable(raw, 'bench-queue');
    const deps = buildApiDependencies(
      client,
      'bench-queue',
      { now: () => new Date('2027-03-01T10:00:00Z') },
      65_536,
      16,
      { wake: async () => false, start: async () => 'started' },
    );
    await deps.tenants.putTenant({
      id: 'bench',
      name: 'Bench',
      ...defaultTenantSettings,
      createdAt: '2027-01-01T00:00:00Z',
    });
    await deps.tenants.putApiKey(
      sha256Hex(KEY),
      { tenantId: 'bench', role: 'manager', keyId: 'bench' },
      '2027-01-01T00:00:00Z',
    );

    const loadStarted = performance.now();
    // Each debt with its customer and invoice: a page reads their names and due dates (one BatchGetItem).
    const items = Array.from({ length: COUNT }, (_, n) =>
      benchDebt('bench', n, { collectors: COLLECTORS, now: '2027-03-01T10:00:00Z' }),
    ).flatMap((debt) => [debt.delinquency, debt.customer, debt.invoice]);
    await batchWrite(client, 'bench-queue', items);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const handler = createHandler(deps);
    const call = async (query: Record<string, string>) => {
      const event = apiEvent({
        method: 'GET',
        routePath: '/v1/delinquencies',
        path: '/v1/delinquencies',
        headers: { authorization: `Bearer ${KEY}` },
      });
      event.queryStringParameters = query;
      const started = performance.now();
      const response = await handler(event, context());
      const ms = performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`queue answered ${response.statusCode}: ${response.body}`);
      return { ms, body: JSON.parse(response.body ?? '{}') as { items: unknown[]; nextCursor: string | null } };
    };
    // A cursor 40 pages (1,000 items) deep, to show depth costs nothing.
    let deep: string | null = null;
    for (let page = 0; page < 40; page += 1)
      deep = (await call(deep ? { limit: '25', cursor: deep } : { limit: '25' })).body.nextCursor;
    const cases: [string, Record<string, string>][] = [
      ['first page (25)', { limit: '25' }],
      ['page 41 by cursor', { limit: '25', cursor: deep! }],
      ["one collector's queue", { limit: '25', assignee: 'collector-7' }],
      ['unassigned', { limit: '25', assignee: 'unassigned' }],
      ['currency EUR (filter)', { limit: '25', currency: 'EUR' }],
      ['band low (filter)', { limit: '25', band: 'low' }],
    ];
    const results: Record<string, { p50Ms: number; p99Ms: number; items: number }> = {};
    for (const [label, query] of cases) {
      const timings: number[] = [];
      let items = 0;
      for (let i = 0; i < SAMPLES; i += 1) {
        const { ms, body } = await call(query);
        timings.push(ms);
        items = body.items.length;
      }
      const sorted = timings.sort((x, y) => x - y);
      results[label] = {
        p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
        p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
        items,
      };
    }
    const lines = [
      `work queue on ${COUNT.toLocaleString('en')} open delinquencies (DynamoDB Local, ${SAMPLES} calls each; loaded in ${loadSeconds.toFixed(0)} s)`,
      '',
      '| query | items | p50 | p99 |',
      '| --- | --- | --- | --- |',
      ...Object.entries(results).map(([label, r]) => `| ${label} | ${r.items} | ${r.p50Ms} ms | ${r.p99Ms} ms |`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    // The headline is the page a collector opens first.
    const first = results['first page (25)']!;
    writeResult(
      'queue',
      { delinquencies: COUNT, samples: SAMPLES, results },
      { queueP50Ms: first.p50Ms, queueP99Ms: first.p99Ms },
    );
  } finally {
    client.destroy();
    raw.destroy();
    await dynamo.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
