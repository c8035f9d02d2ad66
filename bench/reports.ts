// Measures the report endpoints on 100,000 delinquent invoices of one tenant in DynamoDB Local: the book imported at
// the end of May, a month of payments and fees, today's payments through the real use cases; then the aging and KPI
// handlers called in-process, p50 / p99, checked to the minor unit against the invoices. Run: npm run bench:reports;
// BENCH_INVOICES changes the size. Writes bench/results/reports.json (and the headline figures to latest.json).
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createHandler as createAging } from '../functions/api/get-aging-report.handler';
import { createHandler as createKpis } from '../functions/api/get-kpi-report.handler';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createHandler as createReportLedgerHandler } from '../functions/streams/report-ledger.handler';
import { createTable, tableStreamArn } from '../local/create-table';
import { LocalTableStream } from '../local/table-stream';
import { DynamoReportStream } from '../shared/adapters/dynamodb/report-stream.dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../local/dynamodb-local';
import { createDocumentClient } from '../shared/adapters/dynamodb/client';
import { itemMeta, keys } from '../shared/adapters/dynamodb/keys';
import { cellItem, reportShard } from '../shared/adapters/dynamodb/report-items';
import { DynamoReportStore } from '../shared/adapters/dynamodb/report-store.dynamodb';
import { addDays } from '../shared/domain/calendar';
import { sha256Hex } from '../shared/domain/ids';
import {
  addCells,
  invoiceCellChanges,
  type InvoiceFact,
  type InvoiceStanding,
  type ReportDims,
  type ReportState,
} from '../shared/domain/report-ledger';
import { buildApiDependencies } from '../shared/env/api-dependencies';
import { TenantSchema } from '../shared/schemas/tenant.schema';
import { putInvoice, recordPayment } from '../shared/use-cases/invoices';
import { apiEvent, context } from '../test/fixtures/api-event';
import { batchWrite } from './batch-write';
import { writeResult } from './results';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const TODAY_PAYMENTS = Number(process.env.BENCH_TODAY_PAYMENTS ?? 500);
const CUSTOMERS = 2_000;
const SEGMENTS = ['retail', 'smb', 'enterprise', 'public'];
const COUNTRIES = ['NO', 'SE', 'DK', 'FI', 'DE', 'GB'];
const COLLECTORS = 12;
const TENANT = 'bench';
const TABLE = 'arrears-bench';
const KEY = 'bench-reports-key-01';
/** The book is imported at the close of May; June brings payments and fees; today is the last day of June. */
const IMPORT_DAY = '2026-05-31';
const TODAY = '2026-06-30';
const WRITERS = 8;

/** A small seeded generator, so every run loads the same book. */
const random = (() => {
  let seed = 20260630;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
})();
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

interface BenchInvoice extends InvoiceStanding {
  id: string;
  customerId: string;
  dims: ReportDims;
  version: number;
  updatedAt: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The history as the report counters saw it: each fact's cells, per shard and day, summed as the transactions would. */
const ledger = new Map<string, { shard: number; day: string; state: ReportState }>();
const record = (invoice: BenchInvoice, before: InvoiceStanding | null, fact: InvoiceFact, day: string) => {
  const shard = reportShard(invoice.id);
  const id = `${shard}|${day}`;
  const entry = ledger.get(id) ?? { shard, day, state: new Map() };
  ledger.set(id, entry);
  addCells(
    entry.state,
    invoiceCellChanges({
      before: before ? { invoice: before, dims: invoice.dims } : null,
      after: { invoice, dims: invoice.dims },
      fact,
      day,
    }),
  );
};

const main = async () => {
  const started = performance.now();
  const db = await startDynamoDbLocal();
  const config = { endpoint: db.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const raw = new DynamoDBClient(config);
  const client = createDocumentClient(config);
  // Today's facts happen at 10:00 UTC; the history before them is written as its counters would have been.
  const clock = { now: () => new Date(`${TODAY}T10:00:00Z`) };
  try {
    await createTable(raw, TABLE);
    const deps = buildApiDependencies(client, TABLE, clock, 65_536, 16, {
      wake: async () => false,
      start: async () => 'started',
    });
    await deps.tenants.putTenant(
      TenantSchema.parse({
        id: TENANT,
        name: 'Bench',
        sendTime: '09:00',
        promiseGraceDays: 2,
        timeZone: 'UTC',
        createdAt: `${IMPORT_DAY}T00:00:00Z`,
      }),
    );
    await deps.tenants.putApiKey(sha256Hex(KEY), { tenantId: TENANT, role: 'manager', keyId: 'bench' }, 'now');

    // The book: customers with a segment and country, invoices 1-365 days past due at import, each with a collector.
    const customers = Array.from({ length: CUSTOMERS }, (_, index) => ({
      id: `cus-${index}`,
      segment: pick(SEGMENTS),
      country: pick(COUNTRIES),
      currency: random() < 0.75 ? 'EUR' : random() < 0.8 ? 'NOK' : 'USD',
    }));
    const invoices: BenchInvoice[] = [];
    for (let index = 0; index < INVOICES; index += 1) {
      const customer = customers[index % CUSTOMERS]!;
      const dueDate = addDays(IMPORT_DAY, -1 - Math.floor(random() * 365));
      const invoice: BenchInvoice = {
        id: `inv-${index}`,
        customerId: customer.id,
        amount: 5_000 + Math.floor(random() * 495_000),
        currency: customer.currency,
        issuedAt: addDays(dueDate, -30),
        dueDate,
        voided: false,
        writtenOff: false,
        paidTotal: 0,
        feesTotal: 0,
        dims: {
          segment: customer.segment,
          country: customer.country,
          collector: random() < 0.1 ? 'unassigned' : `col-${Math.floor(random() * COLLECTORS)}`,
        },
        version: 1,
        updatedAt: `${IMPORT_DAY}T12:00:00Z`,
      };
      invoices.push(invoice);
      record(invoice, null, { kind: 'replace' }, IMPORT_DAY);
    }
    // June: about 400 payments and 100 fees a day, each a fact with its counters.
    const payments: Record<string, unknown>[] = [];
    const charges: Record<string, unknown>[] = [];
    for (let day = addDays(IMPORT_DAY, 1); day < TODAY; day = addDays(day, 1)) {
      const at = `${day}T11:00:00Z`;
      for (let n = 0; n < 500; n += 1) {
        const invoice = pick(invoices);
        const before: InvoiceStanding = { ...invoice };
        const owed = invoice.amount + invoice.feesTotal - invoice.paidTotal;
        if (owed <= 0) continue;
        invoice.version += 1;
        invoice.updatedAt = at;
        if (n % 5 === 4) {
          const chargeId = `chg-${invoice.id}-${invoice.version}`;
          invoice.feesTotal += 2_500;
          charges.push({
            ...keys.charge(TENANT, invoice.id, chargeId),
            ...itemMeta('Charge'),
            id: chargeId,
            invoiceId: invoice.id,
            kind: 'fee',
            amount: 2_500,
            currency: invoice.currency,
            stepId: 'fee',
            rule: 'fixed',
            inputs: { rule: 'fixed' },
            chargedAt: at,
          });
          record(invoice, before, { kind: 'charge', amount: 2_500 }, day);
          continue;
        }
        const applied = random() < 0.3 ? owed : Math.max(1, Math.floor(owed * (0.1 + random() * 0.5)));
        const paymentId = `pay-${invoice.id}-${invoice.version}`;
        invoice.paidTotal += applied;
        payments.push({
          ...keys.payment(TENANT, invoice.id, paymentId),
          ...itemMeta('Payment'),
          id: paymentId,
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          amount: applied,
          currency: invoice.currency,
          paidAt: at,
          recordedAt: at,
          reference: paymentId,
          source: 'api',
          recordedBy: 'bench',
          appliedAmount: applied,
          unappliedAmount: 0,
        });
        record(invoice, before, { kind: 'payment', applied, adjustment: false }, day);
      }
    }

    const items: Record<string, unknown>[] = [];
    for (const customer of customers) {
      items.push({
        ...keys.customer(TENANT, customer.id),
        ...itemMeta('Customer'),
        id: customer.id,
        name: `Customer ${customer.id}`,
        kind: 'business',
        timeZone: 'Europe/Oslo',
        segment: customer.segment,
        country: customer.country,
        createdAt: `${IMPORT_DAY}T00:00:00Z`,
        updatedAt: `${IMPORT_DAY}T00:00:00Z`,
        version: 1,
      });
    }
    for (const invoice of invoices) {
      const delinquencyId = `dlq-${invoice.id}`;
      items.push({
        ...keys.invoice(TENANT, invoice.id),
        ...keys.invoiceByCustomer(TENANT, invoice.customerId, invoice.dueDate, invoice.id),
        ...itemMeta('Invoice'),
        id: invoice.id,
        customerId: invoice.customerId,
        amount: invoice.amount,
        currency: invoice.currency,
        issuedAt: invoice.issuedAt,
        dueDate: invoice.dueDate,
        voided: false,
        writtenOff: false,
        paidTotal: invoice.paidTotal,
        feesTotal: invoice.feesTotal,
        delinquencyId,
        scanDate: invoice.dueDate,
        createdAt: `${IMPORT_DAY}T12:00:00Z`,
        updatedAt: invoice.updatedAt,
        version: invoice.version,
        reportDims: invoice.dims,
      });
      const paid = invoice.amount + invoice.feesTotal - invoice.paidTotal <= 0;
      items.push({
        ...keys.delinquency(TENANT, delinquencyId),
        ...itemMeta('Delinquency'),
        id: delinquencyId,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        currency: invoice.currency,
        status: paid ? 'resolved' : 'active',
        strategyId: 'default',
        stage: null,
        doneSteps: [],
        nextActionAt: null,
        nextStep: null,
        openedAt: `${addDays(invoice.dueDate, 1)}T09:00:00Z`,
        closedAt: paid ? invoice.updatedAt : null,
        factsVersion: 0,
        reopenCount: 0,
        activePromiseId: null,
        activePlanId: null,
        assigneeId: invoice.dims.collector === 'unassigned' ? null : invoice.dims.collector,
        taskToken: null,
        version: 1,
      });
    }
    items.push(...payments, ...charges);
    let cells = 0;
    for (const { shard, day, state } of ledger.values()) {
      for (const cell of state.values()) {
        if (Object.keys(cell.metrics).length === 0) continue;
        items.push(cellItem(TENANT, shard, day, cell));
        cells += 1;
      }
    }
    process.stdout.write(
      `loading ${items.length} items (${INVOICES} invoices and their delinquencies, ${payments.length} payments, ${charges.length} fees, ${cells} counter cells)...\n`,
    );
    const loadStarted = performance.now();
    await batchWrite(client, TABLE, items, WRITERS);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    // Today's facts through the real use cases: payments and new invoices, counted as deployed by the table stream's
    // consumer (ReportLedger), attached from here on: the imported history above carries its counters already.
    const streamsClient = new DynamoDBStreamsClient(config);
    const reportStream = new LocalTableStream({
      client: streamsClient,
      streamArn: await tableStreamArn(raw, TABLE),
      functionId: 'ReportLedger',
      handler: createReportLedgerHandler({ reportStream: new DynamoReportStream(client, TABLE) }),
      onError: (error) => process.stderr.write(`report stream: ${String(error)}\n`),
      startAt: 'latest',
    });
    await reportStream.drain();
    const paymentTimes: number[] = [];
    let nextPayment = 0;
    const payer = async () => {
      while (nextPayment < TODAY_PAYMENTS) {
        const n = nextPayment++;
        const invoice = invoices[(n * 7_919) % invoices.length]!;
        const owed = invoice.amount + invoice.feesTotal - invoice.paidTotal;
        if (owed <= 0) continue;
        const amount = n % 3 === 0 ? owed : Math.max(1, Math.floor(owed / 4));
        const t = performance.now();
        const result = await recordPayment(
          deps,
          TENANT,
          invoice.id,
          { amount, currency: invoice.currency, reference: `today-${n}` },
          { idempotencyKey: `today-${n}` },
        );
        paymentTimes.push(performance.now() - t);
        invoice.paidTotal += result.payment.appliedAmount;
      }
    };
    await Promise.all(Array.from({ length: 4 }, payer));
    // A replay of each of the first 50: answered from what is stored, counted nothing.
    for (let n = 0; n < 50; n += 1) {
      const invoice = invoices[(n * 7_919) % invoices.length]!;
      await recordPayment(
        deps,
        TENANT,
        invoice.id,
        { amount: 1, currency: invoice.currency, reference: `today-${n}` },
        { idempotencyKey: `today-${n}` },
      );
    }
    for (let n = 0; n < 100; n += 1) {
      const customer = customers[n]!;
      const amount = 10_000 + n;
      await putInvoice(deps, TENANT, `new-${n}`, {
        customerId: customer.id,
        amount,
        currency: customer.currency,
        issuedAt: TODAY,
        dueDate: addDays(TODAY, 30),
      });
      invoices.push({
        id: `new-${n}`,
        customerId: customer.id,
        amount,
        currency: customer.currency,
        issuedAt: TODAY,
        dueDate: addDays(TODAY, 30),
        voided: false,
        writtenOff: false,
        paidTotal: 0,
        feesTotal: 0,
        dims: { segment: customer.segment, country: customer.country, collector: 'unassigned' },
        version: 1,
        updatedAt: TODAY,
      });
    }

    // Every write of today's counted before any report reads (deployed, the consumer lags the writes by a second).
    await reportStream.drain();
    streamsClient.destroy();
    const aging = createAging(deps);
    const kpis = createKpis(deps);
    const call = async (handler: typeof aging, path: string, query: Record<string, string>) => {
      const event = apiEvent({ method: 'GET', routePath: path, path, headers: { authorization: `Bearer ${KEY}` } });
      event.queryStringParameters = query;
      const response = await handler(event, context());
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}: ${response.body}`);
      return JSON.parse(response.body ?? '{}');
    };
    const measure = async (
      name: string,
      handler: typeof aging,
      path: string,
      query: Record<string, string>,
      iterations = ITERATIONS,
    ) => {
      for (let warm = 0; warm < 3; warm += 1) await call(handler, path, query);
      const times: number[] = [];
      let body: unknown;
      for (let n = 0; n < iterations; n += 1) {
        const t = performance.now();
        body = await call(handler, path, query);
        times.push(performance.now() - t);
      }
      const sorted = times.sort((a, b) => a - b);
      return { name, query, iterations, p50: percentile(sorted, 50), p99: percentile(sorted, 99), body };
    };

    // Before the run has folded anything: every counter cell since the import is read.
    const unsnapshotted = await measure('aging today, no snapshot yet (worst case)', aging, '/v1/reports/aging', {}, 5);
    // The hourly run folds each closed day into a snapshot once a day: played for the import day and every day of June.
    const store = new DynamoReportStore(client, TABLE);
    const builds: number[] = [];
    const snapshotDays: string[] = [];
    for (let day = IMPORT_DAY; day < TODAY; day = addDays(day, 1)) {
      const t = performance.now();
      snapshotDays.push(...(await store.buildSnapshots(TENANT, day)));
      builds.push(performance.now() - t);
    }
    const importBuildSeconds = builds[0]! / 1000;
    const dailyBuilds = builds.slice(1).sort((a, b) => a - b);

    const results = [
      unsnapshotted,
      await measure('aging today', aging, '/v1/reports/aging', {}),
      await measure('aging today by collector', aging, '/v1/reports/aging', { by: 'collector' }),
      await measure('aging on a past day (2026-06-15)', aging, '/v1/reports/aging', { asOf: '2026-06-15' }),
      await measure('KPIs June', kpis, '/v1/reports/kpis', { from: '2026-06-01', to: TODAY }),
      await measure('KPIs June by segment', kpis, '/v1/reports/kpis', { from: '2026-06-01', to: TODAY, by: 'segment' }),
      await measure('KPIs Q2', kpis, '/v1/reports/kpis', { from: '2026-04-01', to: TODAY }),
    ];

    // Exactness: the report's totals against the invoices themselves.
    const expected: Record<string, number> = {};
    for (const invoice of invoices) {
      const owed = invoice.amount + invoice.feesTotal - invoice.paidTotal;
      if (owed > 0) expected[invoice.currency] = (expected[invoice.currency] ?? 0) + owed;
    }
    const reported = results[1]!.body as { currencies: Record<string, { total: number }> };
    const exact =
      Object.keys(expected).every((currency) => reported.currencies[currency]?.total === expected[currency]) &&
      Object.keys(reported.currencies).length === Object.keys(expected).length;
    const sameWithoutSnapshot = JSON.stringify(unsnapshotted.body) === JSON.stringify(results[1]!.body);

    const sortedPayments = paymentTimes.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const lines = [
      `Reports on DynamoDB Local: ${INVOICES} delinquent invoices of one tenant (${CUSTOMERS} customers, ${SEGMENTS.length} segments, ${COUNTRIES.length} countries, ${COLLECTORS} collectors, 3 currencies)`,
      `  load ${items.length} items in ${loadSeconds.toFixed(0)} s; today's ${paymentTimes.length} payments through recordPayment (counted from the table's stream): p50 ${ms(percentile(sortedPayments, 50))}, p99 ${ms(percentile(sortedPayments, 99))}`,
      `  daily snapshot (the hourly run): import day ${importBuildSeconds.toFixed(1)} s, a June day p50 ${ms(percentile(dailyBuilds, 50))}, max ${ms(dailyBuilds.at(-1)!)} (${snapshotDays.length} days written)`,
      '',
      `  ${'report'.padEnd(44)} ${'p50'.padStart(10)} ${'p99'.padStart(10)}  calls`,
      ...results.map(
        (result) =>
          `  ${result.name.padEnd(44)} ${ms(result.p50).padStart(10)} ${ms(result.p99).padStart(10)}  ${result.iterations}`,
      ),
      '',
      `  aging totals = sum of the invoices' balances: ${exact ? 'exact' : 'WRONG'}; same answer without snapshots: ${sameWithoutSnapshot ? 'yes' : 'NO'}`,
      `  total run ${((performance.now() - started) / 1000).toFixed(0)} s`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    const figures = results.map((result) => ({
      name: result.name,
      query: result.query,
      calls: result.iterations,
      p50Ms: Number(result.p50.toFixed(1)),
      p99Ms: Number(result.p99.toFixed(1)),
    }));
    const headline = (name: string) => figures.find((figure) => figure.name === name)!;
    writeResult(
      'reports',
      {
        invoices: INVOICES,
        itemsLoaded: items.length,
        loadSeconds: Number(loadSeconds.toFixed(1)),
        snapshots: {
          days: snapshotDays.length,
          importDaySeconds: Number(importBuildSeconds.toFixed(2)),
          dailyP50Ms: Number(percentile(dailyBuilds, 50).toFixed(1)),
          dailyMaxMs: Number(dailyBuilds.at(-1)!.toFixed(1)),
        },
        todayPayments: {
          count: paymentTimes.length,
          p50Ms: Number(percentile(sortedPayments, 50).toFixed(1)),
          p99Ms: Number(percentile(sortedPayments, 99).toFixed(1)),
        },
        reports: figures,
        exact,
        sameWithoutSnapshot,
      },
      {
        agingP50Ms: headline('aging today').p50Ms,
        agingP99Ms: headline('aging today').p99Ms,
        kpisP50Ms: headline('KPIs June').p50Ms,
        kpisP99Ms: headline('KPIs June').p99Ms,
      },
    );
    if (!exact || !sameWithoutSnapshot) process.exitCode = 1;
  } finally {
    client.destroy();
    raw.destroy();
    await db.stop();
  }
};

void main();
