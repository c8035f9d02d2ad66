// Measures the Stripe webhook endpoint under load on the local runtime: signed payment events posted concurrently,
// answer times as p50 / p99 / max, DynamoDB calls and write units per event, and a check that the balances came out
// exact; beside it, in the same run and on the same DynamoDB Local, the least a payment needs (verify the Stripe
// signature, read the invoice, one transaction of the event's record and the new balance): the floor any webhook
// receiver that applies money pays. Run: npm run bench:webhooks. Writes bench/results/webhooks.json.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { meterCapacity, type CapacityTotals } from '../shared/adapters/dynamodb/capacity-meter';
import { signatureHeader, verifySignatureHeader } from '../shared/webhooks/signature';
import { writeResult } from './results';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const INVOICES = 20;
const KEY = 'bench-key-00000001';
const SECRET = 'whsec_bench';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const callCount = (totals: CapacityTotals) => Object.values(totals.calls).reduce((sum, calls) => sum + calls, 0);

/**
 * The floor: an HTTP handler in this process that verifies the Stripe signature, reads the invoice (one consistent
 * get), and writes the event's record with the invoice's new paid total in one transaction, both conditional (a replay
 * is refused on the record and acknowledged; a racing write on the invoice is retried), on the same DynamoDB Local.
 */
const baselineRun = async (
  dynamoEndpoint: string,
  load: (url: string) => Promise<{ timings: number[]; seconds: number; inProgress: number }>,
) => {
  const { createDocumentClient } = await import('../shared/adapters/dynamodb/client');
  const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../local/dynamodb-local');
  const { TABLE_NAME } = await import('../local/runtime');
  const raw = new DynamoDBClient({ endpoint: dynamoEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const client = createDocumentClient({
    endpoint: dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  for (let i = 0; i < INVOICES; i += 1)
    await client.send(
      new PutCommand({ TableName: TABLE_NAME, Item: { pk: `BASELINE#inv-${i}`, sk: 'INVOICE', paid: 0, version: 0 } }),
    );
  const meter = meterCapacity(client);
  /** Applies one payment: a refused record is a replay (done); a moved version reads again. */
  const apply = async (id: string, invoiceId: string, amount: number): Promise<void> => {
    for (;;) {
      const read = await client.send(
        new GetCommand({
          TableName: TABLE_NAME,
          Key: { pk: `BASELINE#${invoiceId}`, sk: 'INVOICE' },
          ConsistentRead: true,
        }),
      );
      const version = Number(read.Item?.version ?? 0);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: TABLE_NAME,
                  Item: { pk: `BASELINE#${id}`, sk: 'EVENT', invoiceId, amount },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: TABLE_NAME,
                  Key: { pk: `BASELINE#${invoiceId}`, sk: 'INVOICE' },
                  UpdateExpression: 'SET paid = paid + :amount, version = :next',
                  ConditionExpression: 'version = :version',
                  ExpressionAttributeValues: { ':amount': amount, ':next': version + 1, ':version': version },
                },
              },
            ],
          }),
        );
        return;
      } catch (error) {
        const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
        if (!reasons) throw error;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return;
      }
    }
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const check = verifySignatureHeader(
        body,
        request.headers['stripe-signature'] as string | undefined,
        SECRET,
        Math.floor(Date.now() / 1000),
      );
      if (!check.valid) return void response.writeHead(400).end();
      const event = JSON.parse(body) as {
        id: string;
        data: { object: { amount_received: number; metadata: { invoice_id: string } } };
      };
      apply(event.id, event.data.object.metadata.invoice_id, event.data.object.amount_received)
        .then(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}'))
        .catch(() => response.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { timings, seconds } = await load(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { sorted: [...timings].sort((a, b) => a - b), seconds, dynamodb: meter.totals() };
  } finally {
    server.close();
    client.destroy();
    raw.destroy();
  }
};

const main = async () => {
  const { startLocalRuntime } = await import('../local/runtime');
  const runtime = await startLocalRuntime({
    port: 0,
    host: '127.0.0.1',
    clock: 'virtual',
    clockStart: '2026-12-01T08:00:00Z',
    tenants: `bench:${KEY}:${SECRET}`,
    log: () => undefined,
  });
  const api = (method: string, path: string, body: unknown) =>
    fetch(`${runtime.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    await api('PUT', '/v1/customers/bench', {
      name: 'Bench Customer',
      kind: 'business',
      email: 'bench@example.com',
      timeZone: 'Europe/Oslo',
    });
    for (let i = 0; i < INVOICES; i += 1) {
      await api('PUT', `/v1/invoices/inv-${i}`, {
        customerId: 'bench',
        amount: 10_000_000,
        currency: 'EUR',
        issuedAt: '2026-11-01',
        dueDate: '2026-11-20',
      });
    }
    // One event in ten is a replay of an earlier one: it must answer fast and change nothing.
    const events = Array.from({ length: EVENTS }, (_, n) => {
      const original = n % 10 === 9 ? n - 5 : n;
      return {
        id: `evt_bench_${original}`,
        type: 'payment_intent.succeeded',
        data: {
          object: {
            id: `pi_bench_${original}`,
            amount_received: 1_000,
            currency: 'eur',
            metadata: { invoice_id: `inv-${original % INVOICES}` },
          },
        },
      };
    });
    /** Posts every event to `url`, CONCURRENCY at a time: answer times and wall seconds. */
    const load = async (url: string) => {
      const timings: number[] = [];
      let next = 0;
      let inProgress = 0;
      const worker = async () => {
        while (next < events.length) {
          const payload = JSON.stringify(events[next++]);
          for (;;) {
            const started = performance.now();
            const response = await fetch(url, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'stripe-signature': signatureHeader(payload, SECRET, Math.floor(Date.now() / 1000)),
              },
              body: payload,
            });
            const text = await response.text();
            timings.push(performance.now() - started);
            // A replay that meets its first delivery still at work is told to come back, as Stripe would: it does.
            if (response.status === 409 && text.includes('event-in-progress')) {
              inProgress += 1;
              await new Promise((resolve) => setTimeout(resolve, 100));
              continue;
            }
            if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text}`);
            break;
          }
        }
      };
      const wall = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { timings, seconds: (performance.now() - wall) / 1000, inProgress };
    };
    const dynamodbNow = async () =>
      ((await (await fetch(`${runtime.url}/local/executions`)).json()) as { dynamodb: CapacityTotals }).dynamodb;
    const before = await dynamodbNow();
    const { timings, seconds, inProgress } = await load(`${runtime.url}/v1/webhooks/stripe/bench`);
    const after = await dynamodbNow();
    // Every call the runtime's functions made while the events came in (the execution wakes' own calls included).
    const webhookCalls = (callCount(after) - callCount(before)) / EVENTS;
    const webhookWriteUnits = (after.writeUnits - before.writeUnits) / EVENTS;
    const webhookCallsByCommand = Object.fromEntries(
      Object.entries(after.calls).map(([name, calls]) => [name, (calls - (before.calls[name] ?? 0)) / EVENTS]),
    );
    const baseline = await baselineRun(runtime.dynamoEndpoint, load);
    const unique = new Set(events.map((event) => event.id)).size;
    let paid = 0;
    for (let i = 0; i < INVOICES; i += 1)
      paid += (
        (await (
          await fetch(`${runtime.url}/v1/invoices/inv-${i}`, { headers: { authorization: `Bearer ${KEY}` } })
        ).json()) as { paid: number }
      ).paid;
    const sorted = [...timings].sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    process.stdout.write(
      [
        `Stripe webhooks on the local runtime (DynamoDB Local): ${EVENTS} events (${unique} distinct, the rest replays), ${CONCURRENCY} at a time, ${INVOICES} invoices`,
        `  answer time p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1)!)}`,
        `  throughput ${(EVENTS / seconds).toFixed(0)} events/s`,
        `  DynamoDB per event: ${webhookCalls.toFixed(2)} calls, ${webhookWriteUnits.toFixed(1)} write units (${JSON.stringify(webhookCallsByCommand)})`,
        `  money applied ${paid} = ${unique} x 1000: ${paid === unique * 1_000 ? 'exact' : 'WRONG'}`,
        '',
      ].join('\n'),
    );
    process.stdout.write(
      `  baseline (verify + one read + one transaction): ${(EVENTS / baseline.seconds).toFixed(0)} events/s, p50 ${ms(percentile(baseline.sorted, 50))}, p99 ${ms(percentile(baseline.sorted, 99))}, ${(callCount(baseline.dynamodb) / EVENTS).toFixed(2)} calls and ${(baseline.dynamodb.writeUnits / EVENTS).toFixed(1)} write units per event\n`,
    );
    writeResult('webhooks', {
      events: EVENTS,
      concurrency: CONCURRENCY,
      webhookP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
      webhookP99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
      webhookRps: Math.round(EVENTS / seconds),
      baselineRps: Math.round(EVENTS / baseline.seconds),
      baselineP50Ms: Math.round(percentile(baseline.sorted, 50) * 10) / 10,
      baselineP99Ms: Math.round(percentile(baseline.sorted, 99) * 10) / 10,
      webhookRatio: Math.round((baseline.seconds / seconds) * 100) / 100,
      webhookDynamoCallsPerEvent: Math.round(webhookCalls * 100) / 100,
      webhookWriteUnitsPerEvent: Math.round(webhookWriteUnits * 10) / 10,
      baselineDynamoCallsPerEvent: Math.round((callCount(baseline.dynamodb) / EVENTS) * 100) / 100,
      baselineWriteUnitsPerEvent: Math.round((baseline.dynamodb.writeUnits / EVENTS) * 10) / 10,
      exact: paid === unique * 1_000,
      repliesEventInProgress: inProgress,
    });
    if (paid !== unique * 1_000) process.exitCode = 1;
  } finally {
    await runtime.stop();
  }
};

void main();
