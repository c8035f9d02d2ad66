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
  const { keys, itemMeta } = await import('../shared/adapters/dynamodb/keys');
  const { buildApiDependencies } = await import('../shared/env/api-dependencies');
  const { createHandler } = await import('../functions/api/list-delinquencies.handler');
  const { computeScore, workPriority } = await import('../shared/domain/score');
  const { packInputs } = await import('../shared/schemas/score.schema');
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
    const item = (n: number) => {
      const inputs = {
        daysPastDue: n % 90,
        amountRatio: 0.5 + (n % 7) / 2,
        priorDelinquencies: n % 3,
        priorBadEndings: n % 10 === 0 ? 2 : 0,
        brokenPromises: n % 10 === 0 ? 2 : n % 13 === 0 ? 1 : 0,
        onTimeShare: (n % 10) / 10,
        respondedShare: null,
        reachableChannels: 1 + (n % 2),
        bounced: n % 50 === 0,
        tenureYears: (n % 6) + 0.5,
      };
      const score = computeScore(inputs);
      const balance = 5_000 + ((n * 7919) % 1_000_000);
      const priority = workPriority({
        balance,
        score: score.value,
        daysPastDue: inputs.daysPastDue,
        daysToNextStep: 3,
        limitShareInArrears: 0,
      });
      const id = `dlq_bench_${String(n).padStart(6, '0')}`;
      const assigneeId = n % 4 === 0 ? null : `collector-${n % COLLECTORS}`;
      const currency = n % 5 === 0 ? 'EUR' : 'NOK';
      const delinquency = {
        id,
        invoiceId: `inv-${n}`,
        customerId: `cus-${n}`,
        currency,
        status: 'active',
        strategyId: 'default',
        stage: 'overdue',
        doneSteps: ['overdue'],
        nextActionAt: '2027-03-05T08:00:00.000Z',
        nextStep: 'second-reminder',
        openedAt: '2027-02-01T08:00:00.000Z',
        closedAt: null,
        factsVersion: 0,
        reopenCount: 0,
        activePromiseId: null,
        activePlanId: null,
        assigneeId,
        score: {
          value: score.value,
          band: score.band,
          inputs: packInputs(inputs),
          model: 'default',
          computedAt: '2027-03-01T08:00:00.000Z',
        },
        openingInputs: packInputs(inputs),
        priority,
        balance,
        brokenPromises: 0,
        taskToken: null,
        version: 2,
      };
      return {
        ...keys.delinquency('bench', id),
        ...keys.delinquencyByCustomer('bench', delinquency.customerId, delinquency.openedAt, id),
        ...keys.workQueue('bench', 'active', score.band, priority, id),
        ...keys.assigneeQueue('bench', assigneeId, 'active', priority, id),
        ...itemMeta('Delinquency'),
        ...delinquency,
      };
    };
    await batchWrite(
      client,
      'bench-queue',
      Array.from({ length: COUNT }, (_, n) => item(n)),
    );
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
