// The hourly run on a 100,000-invoice portfolio in DynamoDB Local (the real run, its index and its writes; providers and
// Step Functions stubbed at zero latency), then the time it would take to start a million executions under the
// StartExecution quota (300/s refill, 1,300 burst), simulated on virtual time with the real adapter, its pacer, the
// run's concurrency, its turns and the DynamoDB calls per account measured here.
// Run: npm run bench:reminder-run (BENCH_PORTFOLIO to change the size, BENCH_PILOT the pilot's). Writes
// bench/results/reminder-run.json.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { fixedPortalSigningKey } from '../shared/ports/portal-signing-key.port';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchWrite } from './batch-write';
import { writeResult } from './results';

const PORTFOLIO = Number(process.env.BENCH_PORTFOLIO ?? 100_000);
const CUSTOMERS = Math.max(1, Math.round(PORTFOLIO / 5));
/** Share of the portfolio that fell overdue yesterday (the rest gets its pre-due reminder today). */
const OVERDUE_SHARE = 0.6;
/** Newly overdue accounts the per-account call count is measured on (BENCH_PILOT). */
const PILOT = Number(process.env.BENCH_PILOT ?? 1_000);
const STARTS = 1_000_000;
const TABLE = 'bench-run';
const NOW = new Date('2027-03-02T10:00:00Z');
const YESTERDAY = '2027-03-01';
const IN_THREE_DAYS = '2027-03-05';
/** In-region DynamoDB call latency assumed for the simulation (DynamoDB's documented single-digit milliseconds). */
const DYNAMODB_CALL_MS = 6;
/** A turn's hand-over: the bus delivering the continuation and a cold start (bench:bundles measures init). */
const HANDOVER_MS = 2_000;

const seconds = (ms: number) => Math.round(ms) / 1000;

const inParallel = async (count: number, width: number, task: (index: number) => Promise<unknown>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task((next += 1) - 1);
    }),
  );
};

/** A million starts by the run's workers: per account its DynamoDB calls, then the paced start; turns of 13.5 minutes. */
const simulateMillionStarts = async (callsPerAccount: number, concurrency: number) => {
  const { SfnExecutions } = await import('../shared/adapters/aws/sfn-executions');
  const { StartPacer } = await import('../shared/adapters/aws/start-pacer');
  const { SimulatedStartQuota, VirtualTime } = await import('../test/fixtures/start-quota');
  const { REMINDER_RUN_STOP_MARGIN_MS, REMINDER_RUN_TIMEOUT_MS } = await import('../functions/schedules/schedules');
  const { RunEnvSchema } = await import('../shared/env/engine.env');
  const defaults = RunEnvSchema.pick({ START_EXECUTION_RATE: true, START_EXECUTION_BURST: true }).parse({});
  const time = new VirtualTime();
  const quota = new SimulatedStartQuota(time);
  const turnMs = REMINDER_RUN_TIMEOUT_MS - REMINDER_RUN_STOP_MARGIN_MS;
  const accountMs = callsPerAccount * DYNAMODB_CALL_MS;
  let next = 0;
  let turns = 0;
  let throttled = 0;
  await time.run(async () => {
    while (next < STARTS) {
      if (turns > 0) await time.sleep(HANDOVER_MS);
      turns += 1;
      // Each turn is a fresh process: a new pacer that does not know what the quota's bucket holds.
      const executions = new SfnExecutions(quota, 'arn:sm', {
        pacer: new StartPacer(defaults.START_EXECUTION_RATE, defaults.START_EXECUTION_BURST, time),
        time,
      });
      const stopAt = time.now() + turnMs;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < STARTS && time.now() < stopAt) {
            const index = (next += 1) - 1;
            await time.sleep(accountMs);
            await executions.start(`dlq-${index}`, { tenantId: 't', delinquencyId: `dlq-${index}` });
          }
        }),
      );
      throttled += executions.throttled;
    }
  });
  return {
    starts: quota.accepted,
    seconds: seconds(time.now()),
    quotaMinimumSeconds: Math.round(quota.minimumSeconds(STARTS) * 10) / 10,
    startQuotaRatio: Math.round((time.now() / 1000 / quota.minimumSeconds(STARTS)) * 1000) / 1000,
    turns,
    throttled,
    paceRatePerSecond: defaults.START_EXECUTION_RATE,
    accountMs,
  };
};

const main = async () => {
  const { startDynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../local/dynamodb-local');
  const { createTable } = await import('../local/create-table');
  const { createDocumentClient } = await import('../shared/adapters/dynamodb/client');
  const { meterCapacity } = await import('../shared/adapters/dynamodb/capacity-meter');
  const { buildEngineDependencies } = await import('../shared/env/engine-dependencies');
  const { EventRecorder } = await import('../local/event-recorder');
  const { DynamoInvoiceRepository } = await import('../shared/adapters/dynamodb/invoice-repository.dynamodb');
  const { putCustomer } = await import('../shared/use-cases/customers');
  const { runReminders, DEFAULT_RUN_CONCURRENCY } = await import('../shared/use-cases/reminder-run');
  const { TenantSchema, defaultTenantSettings } = await import('../shared/schemas/tenant.schema');
  const { InvoiceSchema } = await import('../shared/schemas/invoice.schema');

  const dynamo = await startDynamoDbLocal();
  const config = { endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const client = createDocumentClient(config);
  const capacity = meterCapacity(client);
  try {
    await createTable(new DynamoDBClient(config), TABLE);
    let emails = 0;
    const started = new Set<string>();
    const deps = buildEngineDependencies(
      client,
      TABLE,
      { now: () => NOW },
      {
        portalSigningKey: fixedPortalSigningKey('bench-portal-signing-key'),
        email: { send: async () => ({ messageId: `e-${(emails += 1)}` }) },
        sms: { send: async () => ({ messageId: 's' }) },
        events: new EventRecorder(),
        executions: {
          start: async (name) => (started.has(name) ? 'exists' : (started.add(name), 'started')),
          wake: async () => false,
        },
      },
      { publicBaseUrl: 'https://arrears.example', defaultEmailFrom: 'collections@arrears.example' },
      16,
    );
    const repository = new DynamoInvoiceRepository(client, TABLE, 16);
    const invoiceOf = (id: string, customerId: string, dueDate: string, amount: number) =>
      InvoiceSchema.parse({
        id,
        customerId,
        amount,
        currency: 'GBP',
        issuedAt: '2027-02-01',
        dueDate,
        voided: false,
        writtenOff: false,
        paidTotal: 0,
        feesTotal: 0,
        delinquencyId: null,
        scanDate: dueDate,
        createdAt: '2027-02-01T09:00:00Z',
        updatedAt: '2027-02-01T09:00:00Z',
        version: 1,
      });
    const seedTenant = async (tenantId: string, customers: number, invoices: number, overdueShare: number) => {
      await deps.tenants.putTenant(
        TenantSchema.parse({
          ...defaultTenantSettings,
          id: tenantId,
          name: tenantId,
          timeZone: 'Europe/London',
          createdAt: '2027-01-01T00:00:00Z',
        }),
      );
      await inParallel(customers, 16, (index) =>
        putCustomer(deps, tenantId, `cus-${index}`, {
          name: `Customer ${index}`,
          kind: 'business',
          email: `ap${index}@customer.example`,
          timeZone: 'Europe/London',
        }),
      );
      const items = Array.from({ length: invoices }, (_, index) => {
        const overdue = index < invoices * overdueShare;
        return repository.invoiceItem(
          tenantId,
          invoiceOf(
            `inv-${index}`,
            `cus-${index % customers}`,
            overdue ? YESTERDAY : IN_THREE_DAYS,
            10_000 + (index % 90_000),
          ),
        );
      });
      await batchWrite(client, TABLE, items);
    };

    // The pilot: DynamoDB calls the run makes per newly overdue account (what the million-start simulation charges).
    await seedTenant('pilot', PILOT / 5, PILOT, 1);
    capacity.reset();
    const pilot = await runReminders(deps);
    const pilotCalls = capacity.totals().calls;
    const callsPerAccount = Object.values(pilotCalls).reduce((sum, n) => sum + n, 0) / pilot.delinquenciesOpened;
    process.stdout.write(
      `pilot: ${pilot.delinquenciesOpened} overdue accounts, DynamoDB calls ${JSON.stringify(pilotCalls)}\n`,
    );

    const seedStarted = performance.now();
    await seedTenant('portfolio', CUSTOMERS, PORTFOLIO, OVERDUE_SHARE);
    const seedSeconds = seconds(performance.now() - seedStarted);
    process.stdout.write(
      `seeded ${PORTFOLIO.toLocaleString('en')} invoices of ${CUSTOMERS.toLocaleString('en')} customers in ${seedSeconds} s\n`,
    );

    capacity.reset();
    const runStarted = performance.now();
    const run = await runReminders(deps, { concurrency: DEFAULT_RUN_CONCURRENCY });
    const runSeconds = seconds(performance.now() - runStarted);
    const runCapacity = capacity.totals();
    capacity.reset();
    const rerunStarted = performance.now();
    const rerun = await runReminders(deps, { concurrency: DEFAULT_RUN_CONCURRENCY });
    const rerunSeconds = seconds(performance.now() - rerunStarted);
    if (rerun.remindersSent + rerun.delinquenciesOpened + rerun.executionsStarted !== 0)
      throw new Error('the second run did something twice');

    const simulation = await simulateMillionStarts(callsPerAccount, DEFAULT_RUN_CONCURRENCY);
    const result = {
      portfolio: PORTFOLIO,
      customers: CUSTOMERS,
      concurrency: DEFAULT_RUN_CONCURRENCY,
      run: {
        ...run,
        seconds: runSeconds,
        readUnits: Math.round(runCapacity.readUnits),
        writeUnits: Math.round(runCapacity.writeUnits),
        calls: Object.values(runCapacity.calls).reduce((a, b) => a + b, 0),
      },
      rerun: {
        invoicesRead: rerun.invoicesRead,
        seconds: rerunSeconds,
        accountsPerSecond: Math.round(rerun.invoicesRead / rerunSeconds),
      },
      emailsSent: emails,
      reminderRunAccountsPerSecond: Math.round(PORTFOLIO / runSeconds),
      dynamoCallsPerOverdueAccount: Math.round(callsPerAccount * 10) / 10,
      pilotCalls,
      millionStarts: simulation,
      startQuotaRatio: simulation.startQuotaRatio,
    };
    process.stdout.write(
      [
        '',
        '| measure | value |',
        '| --- | --- |',
        `| portfolio | ${PORTFOLIO.toLocaleString('en')} invoices (${Math.round(OVERDUE_SHARE * 100)} % overdue since yesterday, the rest due in 3 days) |`,
        `| run | ${runSeconds} s: ${run.delinquenciesOpened} opened, ${run.executionsStarted} started, ${run.remindersSent} reminders |`,
        `| reminderRunAccountsPerSecond | ${result.reminderRunAccountsPerSecond} (concurrency ${DEFAULT_RUN_CONCURRENCY}) |`,
        `| DynamoDB per run | ${result.run.calls} calls, ${result.run.readUnits} RCU, ${result.run.writeUnits} WCU |`,
        `| second run (nothing to do) | ${rerunSeconds} s over ${rerun.invoicesRead} invoices still in the index |`,
        `| DynamoDB calls per overdue account | ${result.dynamoCallsPerOverdueAccount} |`,
        `| 1,000,000 starts (simulated) | ${simulation.seconds} s in ${simulation.turns} turns, ${simulation.throttled} throttled; quota minimum ${simulation.quotaMinimumSeconds} s |`,
        `| startQuotaRatio | ${simulation.startQuotaRatio} |`,
      ].join('\n') + '\n',
    );
    writeResult('reminder-run', result);
  } finally {
    await dynamo.stop();
  }
};

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
