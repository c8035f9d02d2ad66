// Measures the Stripe webhook endpoint under load on the local runtime: signed payment events posted concurrently,
// answer times as p50 / p99 / max, DynamoDB calls and write units per event, and a check that the balances came out
// exact; beside it, in the same run and on the same DynamoDB Local, the least a payment needs (verify the Stripe
// signature, read the invoice, one transaction of the event's record and the invoice's new paid total): the floor any
// webhook receiver that applies money to this table's invoices pays. Every path is warmed up before any is measured
// (the JVM and V8 start cold, and whichever ran first paid for it), and each measured phase records the CPU it cost this
// process and DynamoDB Local per event, so the ratio can be read as work; then it prices the webhook's pieces one by one
// (bench/payment-write-costs.ts). Run: npm run bench:webhooks. Writes bench/results/webhooks.json.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { meterCapacity, type CapacityTotals } from '../shared/adapters/dynamodb/capacity-meter';
import { signatureHeader, verifySignatureHeader } from '../shared/webhooks/signature';
import {
  baselineTransaction,
  measurePaymentWriteCosts,
  PAYMENT_WRITE_STEPS,
  type PaymentWriteCost,
} from './payment-write-costs';
import { cpuMs, javaPidFor } from './processes';
import { writeResult } from './results';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/**
 * Events each path gets before it is measured: the JVM and V8 start cold. DynamoDB Local's JIT takes thousands of
 * requests to settle: after 150 warm-up events per path the webhook's phase cost 12 ms of its CPU per event and the
 * baseline's, measured after it on a warmer JVM, 4.9; after 3,000, 5.5 and 3.3 (CPU of the JVM, sampled per phase).
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 2_000);
/** Turns the paths take at being measured, each with a share of its events. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const INVOICES = 20;
const KEY = 'bench-key-00000001';
const SECRET = 'whsec_bench';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface BenchEvent {
  id: string;
  type: string;
  data: { object: { id: string; amount_received: number; currency: string; metadata: { invoice_id: string } } };
}

const callCount = (totals: Pick<CapacityTotals, 'calls'>) =>
  Object.values(totals.calls).reduce((sum, calls) => sum + calls, 0);

/**
 * The floor: an HTTP handler in this process that verifies the Stripe signature, reads the invoice (one consistent get),
 * and writes the event's record with the invoice's new paid total in one transaction, both conditional (a replay is
 * refused on the record and acknowledged; a racing write on the invoice is retried), on the same DynamoDB Local. By
 * default it pays the tenant's real invoice items (their size and index keys, and the report stream that follows their
 * changes, as the webhook's do); `items: 'small'` pays items of four attributes that no index or stream consumer sees,
 * the floor of DynamoDB Local itself. Answers at the returned url until closed.
 */
const startBaseline = async (
  dynamoEndpoint: string,
  options: { items: 'invoices' | 'small'; tenantId: string; invoiceIds: readonly string[] },
) => {
  const { createDocumentClient } = await import('../shared/adapters/dynamodb/client');
  const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../local/dynamodb-local');
  const { TABLE_NAME } = await import('../local/runtime');
  const { keys } = await import('../shared/adapters/dynamodb/keys');
  const client = createDocumentClient({
    endpoint: dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const small = options.items === 'small';
  const invoiceKey = (invoiceId: string) =>
    small ? { pk: `BASELINE#${invoiceId}`, sk: 'INVOICE' } : keys.invoice(options.tenantId, invoiceId);
  const paidAttribute = small ? 'paid' : 'paidTotal';
  if (small) {
    for (const id of options.invoiceIds)
      await client.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...invoiceKey(id), paid: 0, version: 0 } }));
  }
  const meter = meterCapacity(client);
  /** Applies one payment: a refused record is a replay (done); a moved version reads again. */
  const apply = async (id: string, invoiceId: string, amount: number): Promise<void> => {
    for (;;) {
      const read = await client.send(
        new GetCommand({ TableName: TABLE_NAME, Key: invoiceKey(invoiceId), ConsistentRead: true }),
      );
      const version = Number(read.Item?.version ?? 0);
      try {
        await client.send(
          new TransactWriteCommand(
            baselineTransaction(TABLE_NAME, {
              eventKey: { pk: `BASELINE#${options.items}#${id}`, sk: 'EVENT' },
              invoiceKey: invoiceKey(invoiceId),
              paidAttribute,
              invoiceId,
              amount,
              version,
            }),
          ),
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
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    dynamodb: (): Pick<CapacityTotals, 'calls' | 'writeUnits'> => meter.totals(),
    close: () => {
      server.close();
      client.destroy();
    },
  };
};

/** The cost steps as lines: CPU per payment in each process, and what each step added to the one before. */
const costLines = (costs: readonly PaymentWriteCost[]) =>
  [
    '  where the CPU goes, per payment (this process + DynamoDB Local; the report stream consumer included):',
    ...costs.map((cost, index) => {
      const total = cost.thisProcessMs + (cost.dynamoDbLocalMs ?? 0);
      const before = costs[index - 1];
      const added = before ? total - before.thisProcessMs - (before.dynamoDbLocalMs ?? 0) : null;
      return `    ${cost.step}: ${cost.thisProcessMs} + ${cost.dynamoDbLocalMs ?? '?'} ms${added === null ? '' : ` (${added >= 0 ? '+' : ''}${added.toFixed(2)})`}`;
    }),
    '',
  ].join('\n');

const main = async () => {
  const { startLocalRuntime, TABLE_NAME } = await import('../local/runtime');
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
    // The webhook's invoices, the baseline's (the same shape, written by the same API) and each one's warm-up set.
    const PREFIXES = { webhook: 'inv', webhookWarmUp: 'warm', baseline: 'base', baselineWarmUp: 'bwarm' } as const;
    for (const prefix of Object.values(PREFIXES)) {
      for (let i = 0; i < INVOICES; i += 1) {
        await api('PUT', `/v1/invoices/${prefix}-${i}`, {
          customerId: 'bench',
          amount: 10_000_000,
          currency: 'EUR',
          issuedAt: '2026-11-01',
          dueDate: '2026-11-20',
        });
      }
    }
    /** `count` payment events over one invoice set; one in ten a replay of an earlier one (answered fast, changing nothing). */
    const eventsFor = (prefix: string, count: number): BenchEvent[] =>
      Array.from({ length: count }, (_, n) => {
        const original = n % 10 === 9 ? n - 5 : n;
        return {
          id: `evt_${prefix}_${original}`,
          type: 'payment_intent.succeeded',
          data: {
            object: {
              id: `pi_${prefix}_${original}`,
              amount_received: 1_000,
              currency: 'eur',
              metadata: { invoice_id: `${prefix}-${original % INVOICES}` },
            },
          },
        };
      });
    const events = eventsFor(PREFIXES.webhook, EVENTS);
    /** Posts every event to `url`, CONCURRENCY at a time: answer times and wall seconds. */
    const load = async (url: string, batch: readonly BenchEvent[]) => {
      const timings: number[] = [];
      let next = 0;
      let inProgress = 0;
      const worker = async () => {
        while (next < batch.length) {
          const payload = JSON.stringify(batch[next++]);
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
    const javaPid = javaPidFor(new URL(runtime.dynamoEndpoint).port);
    /** What one path's measured phases added up to. */
    const tally = () => ({
      timings: [] as number[],
      seconds: 0,
      inProgress: 0,
      calls: {} as Record<string, number>,
      writeUnits: 0,
      nodeCpuMs: 0,
      javaCpuMs: 0,
    });
    type Tally = ReturnType<typeof tally>;
    /**
     * One measured phase, added to its path's tally: answer times, wall seconds, DynamoDB calls and write units, and the
     * CPU of this process (the load, the runtime or the baseline's handler, and the SDK) and of DynamoDB Local.
     */
    const measure = async (
      into: Tally,
      url: string,
      batch: readonly BenchEvent[],
      dynamodb: () => Promise<Pick<CapacityTotals, 'calls' | 'writeUnits'>>,
    ) => {
      const before = await dynamodb();
      const nodeBefore = process.cpuUsage();
      const javaBefore = javaPid === null ? null : cpuMs(javaPid);
      const run = await load(url, batch);
      // The report stream's consumer counts what the phase wrote within it: its calls, write units and CPU are the
      // phase's (deployed, another function's), and none of it falls on the next phase.
      await runtime.drainTableStream();
      const node = process.cpuUsage(nodeBefore);
      const javaAfter = javaPid === null ? null : cpuMs(javaPid);
      const after = await dynamodb();
      into.timings.push(...run.timings);
      into.seconds += run.seconds;
      into.inProgress += run.inProgress;
      for (const [name, calls] of Object.entries(after.calls))
        into.calls[name] = (into.calls[name] ?? 0) + calls - (before.calls[name] ?? 0);
      into.writeUnits += after.writeUnits - before.writeUnits;
      into.nodeCpuMs += (node.user + node.system) / 1000;
      into.javaCpuMs += (javaAfter ?? 0) - (javaBefore ?? 0);
    };
    /** A path's figures from its tally, per event. */
    const figures = (run: Tally) => {
      const perEvent = (value: number) => Math.round((value / EVENTS) * 100) / 100;
      return {
        sorted: [...run.timings].sort((x, y) => x - y),
        seconds: run.seconds,
        inProgress: run.inProgress,
        dynamodb: { calls: run.calls, writeUnits: run.writeUnits },
        cpuMsPerEvent: {
          thisProcess: perEvent(run.nodeCpuMs),
          // Without /proc (or the process) there is no reading: null, not zero.
          dynamoDbLocal: javaPid === null ? null : perEvent(run.javaCpuMs),
        },
      };
    };
    const webhookUrl = `${runtime.url}/v1/webhooks/stripe/bench`;
    const idsOf = (...prefixes: string[]) =>
      prefixes.flatMap((prefix) => Array.from({ length: INVOICES }, (_, i) => `${prefix}-${i}`));
    // The baseline pays the invoices the API wrote above; the small floor seeds its own items.
    const baselineServer = await startBaseline(runtime.dynamoEndpoint, {
      items: 'invoices',
      tenantId: 'bench',
      invoiceIds: idsOf(PREFIXES.baselineWarmUp, PREFIXES.baseline),
    });
    const smallServer = await startBaseline(runtime.dynamoEndpoint, {
      items: 'small',
      tenantId: 'bench',
      invoiceIds: idsOf('smallwarm', 'small'),
    });
    // Every path warmed up before any is measured: the JIT has compiled what each of them runs.
    await load(webhookUrl, eventsFor(PREFIXES.webhookWarmUp, WARM_UP));
    await load(baselineServer.url, eventsFor(PREFIXES.baselineWarmUp, WARM_UP));
    await load(smallServer.url, eventsFor('smallwarm', WARM_UP));
    await runtime.drainTableStream();
    const tallies = { webhook: tally(), baseline: tally(), small: tally() };
    const baselineEvents = eventsFor(PREFIXES.baseline, EVENTS);
    const smallEvents = eventsFor('small', EVENTS);
    // The paths take turns, a share of their events at a time: a change of the machine's pace, or DynamoDB Local's
    // collector running, falls on each of them alike instead of on whichever was measured then.
    for (let round = 0; round < ROUNDS; round += 1) {
      const share = <T>(list: readonly T[]) =>
        list.slice(Math.floor((round * list.length) / ROUNDS), Math.floor(((round + 1) * list.length) / ROUNDS));
      await measure(tallies.webhook, webhookUrl, share(events), dynamodbNow);
      await measure(tallies.baseline, baselineServer.url, share(baselineEvents), async () => baselineServer.dynamodb());
      await measure(tallies.small, smallServer.url, share(smallEvents), async () => smallServer.dynamodb());
    }
    const webhook = figures(tallies.webhook);
    const baseline = figures(tallies.baseline);
    const small = figures(tallies.small);
    baselineServer.close();
    smallServer.close();
    // The cost steps' invoices (written after the measured phases, so those never met them): a set per step, one
    // invoice per writer.
    const costInvoice = (step: number, writer: number) => `cost${step}-${writer}`;
    for (let step = 0; step < PAYMENT_WRITE_STEPS.length; step += 1) {
      for (let writer = 0; writer < CONCURRENCY; writer += 1) {
        await api('PUT', `/v1/invoices/${costInvoice(step, writer)}`, {
          customerId: 'bench',
          amount: 10_000_000,
          currency: 'EUR',
          issuedAt: '2026-11-01',
          dueDate: '2026-11-20',
        });
      }
    }
    // Where the webhook's extra CPU goes: the same writes as the repositories make them, one piece added at a time.
    const { createDocumentClient } = await import('../shared/adapters/dynamodb/client');
    const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../local/dynamodb-local');
    const costClient = createDocumentClient({
      endpoint: runtime.dynamoEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const costs = await measurePaymentWriteCosts(
      {
        client: costClient,
        tableName: TABLE_NAME,
        tenantId: 'bench',
        customerId: 'bench',
        invoiceIds: (step) => Array.from({ length: CONCURRENCY }, (_, writer) => costInvoice(step, writer)),
        javaPid,
        drainTableStream: () => runtime.drainTableStream(),
      },
      { payments: 4 * EVENTS, warmUp: Math.min(WARM_UP, 400), rounds: 4 * ROUNDS },
    );
    costClient.destroy();
    const { sorted, seconds, inProgress } = webhook;
    // Every call the runtime's functions made while the events came in (the execution wakes' own calls included).
    const webhookCalls = callCount(webhook.dynamodb) / EVENTS;
    const webhookWriteUnits = webhook.dynamodb.writeUnits / EVENTS;
    const webhookCallsByCommand = Object.fromEntries(
      Object.entries(webhook.dynamodb.calls).map(([name, calls]) => [name, calls / EVENTS]),
    );
    const unique = new Set(events.map((event) => event.id)).size;
    const paidOn = async (prefix: string) => {
      let paid = 0;
      for (let i = 0; i < INVOICES; i += 1)
        paid += (
          (await (
            await fetch(`${runtime.url}/v1/invoices/${prefix}-${i}`, { headers: { authorization: `Bearer ${KEY}` } })
          ).json()) as { paid: number }
        ).paid;
      return paid;
    };
    const paid = await paidOn(PREFIXES.webhook);
    const baselinePaid = await paidOn(PREFIXES.baseline);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const cpu = (run: typeof webhook) =>
      `CPU per event ${run.cpuMsPerEvent.thisProcess} ms in this process, ${run.cpuMsPerEvent.dynamoDbLocal ?? '?'} ms in DynamoDB Local`;
    const floor = (name: string, run: typeof baseline) =>
      `  ${name}: ${(EVENTS / run.seconds).toFixed(0)} events/s, p50 ${ms(percentile(run.sorted, 50))}, p99 ${ms(percentile(run.sorted, 99))}, ${(callCount(run.dynamodb) / EVENTS).toFixed(2)} calls and ${(run.dynamodb.writeUnits / EVENTS).toFixed(1)} write units per event; ${cpu(run)}; webhook ratio ${(run.seconds / seconds).toFixed(2)}\n`;
    process.stdout.write(
      [
        `Stripe webhooks on the local runtime (DynamoDB Local): ${EVENTS} events (${unique} distinct, the rest replays), ${CONCURRENCY} at a time, ${INVOICES} invoices, after ${WARM_UP} warm-up events on each path, measured in ${ROUNDS} turns`,
        `  answer time p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1)!)}`,
        `  throughput ${(EVENTS / seconds).toFixed(0)} events/s`,
        `  DynamoDB per event: ${webhookCalls.toFixed(2)} calls, ${webhookWriteUnits.toFixed(1)} write units (${JSON.stringify(webhookCallsByCommand)})`,
        `  ${cpu(webhook)}`,
        `  money applied ${paid} = ${unique} x 1000: ${paid === unique * 1_000 ? 'exact' : 'WRONG'}`,
        '',
      ].join('\n'),
    );
    process.stdout.write(floor('baseline (verify + one read + one transaction, on the real invoices)', baseline));
    process.stdout.write(floor("the same on small unindexed items (DynamoDB Local's own floor)", small));
    process.stdout.write(costLines(costs));
    writeResult('webhooks', {
      events: EVENTS,
      concurrency: CONCURRENCY,
      warmUpEvents: WARM_UP,
      rounds: ROUNDS,
      webhookP50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
      webhookP99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
      webhookRps: Math.round(EVENTS / seconds),
      baselineRps: Math.round(EVENTS / baseline.seconds),
      baselineP50Ms: Math.round(percentile(baseline.sorted, 50) * 10) / 10,
      baselineP99Ms: Math.round(percentile(baseline.sorted, 99) * 10) / 10,
      webhookRatio: Math.round((baseline.seconds / seconds) * 100) / 100,
      webhookP99OverBaseline: Math.round((percentile(sorted, 99) / percentile(baseline.sorted, 99)) * 100) / 100,
      webhookDynamoCallsPerEvent: Math.round(webhookCalls * 100) / 100,
      webhookWriteUnitsPerEvent: Math.round(webhookWriteUnits * 10) / 10,
      baselineDynamoCallsPerEvent: Math.round((callCount(baseline.dynamodb) / EVENTS) * 100) / 100,
      baselineWriteUnitsPerEvent: Math.round((baseline.dynamodb.writeUnits / EVENTS) * 10) / 10,
      webhookCpuMsPerEvent: webhook.cpuMsPerEvent,
      baselineCpuMsPerEvent: baseline.cpuMsPerEvent,
      smallItemsBaselineRps: Math.round(EVENTS / small.seconds),
      smallItemsBaselineP99Ms: Math.round(percentile(small.sorted, 99) * 10) / 10,
      smallItemsWebhookRatio: Math.round((small.seconds / seconds) * 100) / 100,
      paymentWriteCosts: costs,
      exact: paid === unique * 1_000 && baselinePaid === unique * 1_000,
      repliesEventInProgress: inProgress,
    });
    if (baselinePaid !== unique * 1_000) {
      process.stderr.write(`the baseline applied ${baselinePaid}, not ${unique * 1_000}\n`);
      process.exitCode = 1;
    }
    if (paid !== unique * 1_000) process.exitCode = 1;
  } finally {
    await runtime.stop();
  }
};

void main();
