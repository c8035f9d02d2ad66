// A counted run of many whole lifecycles on the local runtime (the synthesized state machine, the real handlers,
// DynamoDB Local), in a typical mix: paid soon after the first reminder, promised and kept, paid after the late fee,
// and escalated to hand-off. It counts what production would bill (state transitions and history events, invocations
// and the DynamoDB calls that make up their modelled duration, units, events, log bytes, traces), prices it with
// bench/cost-model.ts, times each payment until its execution ends, and samples the runtime's peak memory.
// Before the mix, a small run of payment-free lifecycles to hand-off measures the write units one such lifecycle costs,
// and two idle days what the hourly run costs by itself (a fixed monthly cost, priced apart from the lifecycles).
// Only what a partner system would send is billed as API requests: the benchmark's own read-backs are left out.
// Run: npm run bench:lifecycles (BENCH_LIFECYCLES to change the count, default 1,000; BENCH_LADDER_LIFECYCLES for the
// payment-free run, default 20). Writes bench/results/lifecycles.json.

// The deployed functions log at Powertools' default level; their log lines are counted (and kept off the terminal).
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { emptyUse, type CapacityUse } from '../shared/adapters/dynamodb/capacity-meter';
import { priceUsage, scaleUsage, DURATION_MODEL, LOG_MODEL, type Usage } from './cost-model';
import { PRICES, priceTable } from './prices';
import { javaPidFor, rssMb } from './processes';
import { writeResult } from './results';

const COUNT = Number(process.env.BENCH_LIFECYCLES ?? 1000);
const LADDER = Number(process.env.BENCH_LADDER_LIFECYCLES ?? 20);
const KEY = 'bench-life-key-0001';
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The mix starts on a Monday; the payment-free run 55 days earlier, and is over two days before the mix starts. */
const START = Date.parse('2027-01-04T07:00:00Z');
const LADDER_START = START - 55 * DAY;
const LADDER_DAYS = 53;
/** Invoices fall due six days into their phase; hand-offs come 45 days after the due date. */
const DUE_AFTER_DAYS = 6;
const MIX_DAYS = 53;
/** Routes the benchmark calls only to read results back: a partner system would not send them, nor pay for them. */
const READ_BACK_FUNCTIONS = new Set(['GetInvoice', 'GetDelinquency']);

type Fate = 'paid-early' | 'promised' | 'paid-after-fee' | 'handed-off';
/** The mix: 30 % pay after the first reminder, 20 % promise and keep it, 10 % pay after the late fee, 40 % run out. */
const fateOf = (n: number): Fate =>
  n % 10 < 3 ? 'paid-early' : n % 10 < 5 ? 'promised' : n % 10 < 6 ? 'paid-after-fee' : 'handed-off';
/** Days after the due date each fate pays on (the promise is made two days after the due date, for the eighth). */
const PAY_DAY: Record<Exclude<Fate, 'handed-off'>, number> = { 'paid-early': 3, promised: 7, 'paid-after-fee': 18 };
const PROMISE_DAY = 2;
const PROMISED_FOR_DAY = 8;
/** 14:00 UTC: 09:00 in New York, 15:00 in Oslo. */
const PAY_HOUR_AFTER_START = 7 * HOUR;

interface Snapshot {
  executions: { name: string; status: string; stoppedAt: string | null; states: unknown[]; historyEvents?: number }[];
  lambdaInvocations: Record<string, number>;
  dynamodb: CapacityUse & { byFunction?: Record<string, CapacityUse> };
  /** One-time schedules of the engine's timer, created and fired, where the runtime counts them. */
  scheduler?: { invocations?: number; created?: number };
}

const REMINDER_RUN = 'ReminderRun';
/** Functions deployed with the engine's memory (512 MB); the others (API routes, ExecutionEnded) have 256 MB. */
const ENGINE_FUNCTIONS = /Task$|^ReminderRun$|^-$/;
const EXECUTION_ENDED = 'ExecutionEnded';
/** Ends that Step Functions reports to the ExecutionEnded function. */
const EARLY_ENDS = ['FAILED', 'TIMED_OUT', 'ABORTED'];

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const hoursBetween = (from: number, to: number) => Math.floor(to / HOUR) - Math.floor(from / HOUR);
const addCalls = (into: Record<string, number>, calls: Record<string, number>, factor = 1) => {
  for (const [command, count] of Object.entries(calls)) into[command] = (into[command] ?? 0) + factor * count;
};
const scaleUse = (use: CapacityUse, factor: number): CapacityUse => {
  const calls: Record<string, number> = {};
  addCalls(calls, use.calls, factor);
  return {
    readUnits: use.readUnits * factor,
    writeUnits: use.writeUnits * factor,
    calls,
    refusedWrites: use.refusedWrites * factor,
    refusedWriteUnits: use.refusedWriteUnits * factor,
  };
};
/** `use` less `times` of `each` (the idle hourly run's share), never below nothing. */
const lessUse = (use: CapacityUse, each: CapacityUse, times: number): CapacityUse => {
  const calls = { ...use.calls };
  addCalls(calls, each.calls, -times);
  return {
    readUnits: Math.max(0, use.readUnits - each.readUnits * times),
    writeUnits: Math.max(0, use.writeUnits - each.writeUnits * times),
    calls: Object.fromEntries(Object.entries(calls).map(([command, n]) => [command, Math.max(0, Math.round(n))])),
    refusedWrites: Math.max(0, use.refusedWrites - each.refusedWrites * times),
    refusedWriteUnits: Math.max(0, use.refusedWriteUnits - each.refusedWriteUnits * times),
  };
};
/** What each function used between two snapshots, the benchmark's own read-backs left out. */
const usedBetween = (before: Snapshot, after: Snapshot): Record<string, CapacityUse> => {
  const of = (snap: Snapshot) => snap.dynamodb.byFunction ?? { '-': snap.dynamodb };
  const used: Record<string, CapacityUse> = {};
  for (const [name, use] of Object.entries(of(after))) {
    if (READ_BACK_FUNCTIONS.has(name)) continue;
    used[name] = lessUse(use, of(before)[name] ?? emptyUse(), 1);
  }
  return used;
};
const emptyUsage = (): Usage => ({
  stateTransitions: 0,
  historyEvents: 0,
  executions: 0,
  functions: {},
  dynamoDb: { readUnits: 0, writeUnits: 0 },
  emails: 0,
  sms: 0,
  eventBridgeEvents: 0,
  controlPlaneCalls: 0,
  schedulerInvocations: 0,
  apiRequests: 0,
  applicationLogBytes: 0,
  metricRecords: 0,
  traces: 0,
});

const main = async () => {
  // Handler log lines are what CloudWatch Logs would ingest: counted, not shown, while the lifecycles run.
  let logBytes = 0;
  let capturing = false;
  const realWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const capture =
    (real: typeof realWrite.out) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      if (!capturing) return (real as (...args: unknown[]) => boolean)(chunk, ...rest);
      logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    };
  process.stdout.write = capture(realWrite.out) as typeof process.stdout.write;
  process.stderr.write = capture(realWrite.err) as typeof process.stderr.write;

  const { startLocalRuntime } = await import('../local/runtime');
  const { startDynamoDbLocal } = await import('../local/dynamodb-local');
  // DynamoDB Local as `npm start` runs it (local/start.ts), so the memory measured is the runtime a user runs.
  const dynamoDb = await startDynamoDbLocal({ quickStart: true });
  const runtime = await startLocalRuntime({
    dynamoDbLocal: dynamoDb.endpoint,
    port: 0,
    host: '127.0.0.1',
    clock: 'virtual',
    clockStart: new Date(LADDER_START).toISOString(),
    tenants: `bench:${KEY}:whsec_bench`,
    log: () => undefined,
  });
  const javaPid = javaPidFor(new URL(runtime.dynamoEndpoint).port);
  let peakRss = 0;
  const peaks = { node: 0, dynamoDbLocal: 0 };
  const sample = () => {
    const node = rssMb(process.pid);
    const java = javaPid ? rssMb(javaPid) : 0;
    peaks.node = Math.max(peaks.node, node);
    peaks.dynamoDbLocal = Math.max(peaks.dynamoDbLocal, java);
    peakRss = Math.max(peakRss, node + java);
  };
  const sampler = setInterval(sample, 250);
  /** Requests a partner system would send (writes); the benchmark's own read-backs are not counted. */
  let partnerRequests = 0;
  const call = async (method: string, path: string, body?: unknown, idempotencyKey?: string) => {
    const headers = {
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    };
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!path.startsWith('/local/') && method !== 'GET') partnerRequests += 1;
    if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const snapshot = async () => (await call('GET', '/local/executions')) as Snapshot;
  const now = async () => ((await call('GET', '/local/clock')) as { now: string }).now;
  const createInvoices = async (prefix: string, count: number, dueDate: string) => {
    for (let n = 0; n < count; n += 1) {
      await call('PUT', `/v1/customers/${prefix}c${n}`, {
        name: `Customer ${prefix}${n}`,
        kind: 'consumer',
        email: `${prefix}c${n}@example.com`,
        phone: '+12025550123',
        timeZone: n % 2 ? 'America/New_York' : 'Europe/Oslo',
      });
      await call('PUT', `/v1/invoices/${prefix}i${n}`, {
        customerId: `${prefix}c${n}`,
        amount: 20_000 + (n % 50) * 1_000,
        currency: 'USD',
        issuedAt: new Date(Date.parse(dueDate) - 31 * DAY).toISOString().slice(0, 10),
        dueDate,
      });
    }
  };
  /** Day by day through a phase, acting at noon UTC (the hourly run and the timers fire on the way). */
  const runDays = async (phaseStart: number, days: number, onDay: (day: number) => Promise<void>) => {
    for (let day = 0; day <= days; day += 1) {
      await call('POST', '/local/clock/advance', { to: new Date(phaseStart + day * DAY + 5 * HOUR).toISOString() });
      await onDay(day);
      sample();
    }
  };
  const dateOf = (phaseStart: number, days: number) => new Date(phaseStart + days * DAY).toISOString().slice(0, 10);

  const wallStarted = performance.now();
  capturing = true;
  try {
    // 1. Payment-free lifecycles to hand-off, alone on the runtime: the writes one costs, from the invoice on.
    const ladderBefore = await snapshot();
    const ladderClock = Date.parse(await now());
    await createInvoices('l', LADDER, dateOf(LADDER_START, DUE_AFTER_DAYS));
    await runDays(LADDER_START, LADDER_DAYS, async () => undefined);
    const ladderAfter = await snapshot();
    const ladderRuns = hoursBetween(ladderClock, Date.parse(await now()));
    let ladderNotHandedOff = 0;
    for (let n = 0; n < LADDER; n += 1) {
      const { delinquencyId } = (await call('GET', `/v1/invoices/li${n}`)) as { delinquencyId: string | null };
      const view = delinquencyId
        ? ((await call('GET', `/v1/delinquencies/${delinquencyId}`)) as { status: string })
        : null;
      if (view?.status !== 'handed_off') ladderNotHandedOff += 1;
    }

    // 2. Two days with nothing to do: what the hourly run costs by itself, every hour, whatever the portfolio.
    const idleLogBytes = logBytes;
    const idleClock = Date.parse(await now());
    const mixStart = START;
    await call('POST', '/local/clock/advance', { to: new Date(mixStart).toISOString() });
    const before = await snapshot();
    const idleRuns = hoursBetween(idleClock, mixStart);
    const idle = usedBetween(ladderAfter, before);
    const idleRun = scaleUse(idle[REMINDER_RUN] ?? emptyUse(), 1 / idleRuns);
    const idleLogBytesPerRun = (logBytes - idleLogBytes) / idleRuns;

    const ladderUse = usedBetween(ladderBefore, ladderAfter);
    if (ladderUse[REMINDER_RUN]) ladderUse[REMINDER_RUN] = lessUse(ladderUse[REMINDER_RUN], idleRun, ladderRuns);
    const ladderByFunction = Object.fromEntries(
      Object.entries(ladderUse).map(([name, use]) => [name, round(use.writeUnits / LADDER, 1)]),
    );
    const ladderWrites = sum(Object.values(ladderUse).map((use) => use.writeUnits));

    // 3. The mix.
    const dueDate = dateOf(mixStart, DUE_AFTER_DAYS);
    const logBytesBefore = logBytes;
    const requestsBefore = partnerRequests;
    const eventsBefore = ((await call('GET', '/local/events')) as { events: unknown[] }).events.length;
    await createInvoices('', COUNT, dueDate);
    const delinquencyOf = new Map<number, string>();
    const payments: { n: number; paidAt: string; ms: number }[] = [];
    let promises = 0;
    const payInFull = async (n: number) => {
      const invoice = (await call('GET', `/v1/invoices/i${n}`)) as { balance: number; delinquencyId: string | null };
      if (invoice.balance <= 0 || !invoice.delinquencyId) return;
      delinquencyOf.set(n, invoice.delinquencyId);
      const paidAt = await now();
      const started = performance.now();
      await call(
        'POST',
        `/v1/invoices/i${n}/payments`,
        { amount: invoice.balance, currency: 'USD', reference: `bank-${n}` },
        `pay-i${n}`,
      );
      // Not moving the clock: whatever the payment set going runs, and the runtime answers once all is idle again.
      await call('POST', '/local/clock/advance', { to: paidAt });
      payments.push({ n, paidAt, ms: performance.now() - started });
    };
    await runDays(mixStart, MIX_DAYS, async (day) => {
      const sinceDue = day - DUE_AFTER_DAYS;
      for (let n = 0; n < COUNT; n += 1) {
        if (fateOf(n) !== 'promised' || sinceDue !== PROMISE_DAY) continue;
        const { delinquencyId, balance } = (await call('GET', `/v1/invoices/i${n}`)) as {
          delinquencyId: string;
          balance: number;
        };
        await call('POST', `/v1/delinquencies/${delinquencyId}/promises`, {
          amount: balance,
          date: dateOf(mixStart, DUE_AFTER_DAYS + PROMISED_FOR_DAY),
        });
        promises += 1;
      }
      const payers = Array.from({ length: COUNT }, (_, n) => n).filter((n) => {
        const fate = fateOf(n);
        return fate !== 'handed-off' && sinceDue === PAY_DAY[fate];
      });
      if (payers.length === 0) return;
      // Payments come in when every customer may be written to (Oslo and New York), so the receipt goes at once and
      // the execution can end with the payment: what is timed is the engine's reaction, not a quiet-hours deferral.
      await call('POST', '/local/clock/advance', {
        to: new Date(mixStart + day * DAY + PAY_HOUR_AFTER_START).toISOString(),
      });
      for (const n of payers) await payInFull(n);
    });
    const after = await snapshot();
    const mixRuns = hoursBetween(mixStart, Date.parse(await now()));
    const mixLogBytes = logBytes - logBytesBefore - mixRuns * idleLogBytesPerRun;
    const mixRequests = partnerRequests - requestsBefore;
    capturing = false;
    const wallSeconds = (performance.now() - wallStarted) / 1000;

    const events = ((await call('GET', '/local/events')) as { events: unknown[] }).events.length - eventsBefore;
    const metrics = ((await call('GET', '/local/metrics')) as { metrics: unknown[] }).metrics.length;
    const messages = (
      (await call('GET', '/local/outbox')) as {
        messages: { channel: string; delinquencyId: string | null; sentAt: string; step: string }[];
      }
    ).messages.filter((message) => Date.parse(message.sentAt) >= mixStart);
    // Escalation steps acted: stage changes on every delinquency's timeline (read back, not counted as requests).
    let stepsActed = 0;
    const statuses: Record<string, number> = {};
    for (let n = 0; n < COUNT; n += 1) {
      const { delinquencyId } = (await call('GET', `/v1/invoices/i${n}`)) as { delinquencyId: string | null };
      if (!delinquencyId) continue;
      delinquencyOf.set(n, delinquencyId);
      const view = (await call('GET', `/v1/delinquencies/${delinquencyId}`)) as {
        status: string;
        timeline: { kind: string }[];
      };
      statuses[view.status] = (statuses[view.status] ?? 0) + 1;
      stepsActed += view.timeline.filter((entry) => entry.kind === 'stage.changed').length;
    }

    // Payment to resolved: the execution ended at the payment's instant, and nothing was sent to the case after it.
    const executionsOf = (id: string) =>
      after.executions.filter((execution) => execution.name === id || execution.name.startsWith(`${id}.`));
    const resolvedMs: number[] = [];
    let unresolved = 0;
    let sendsAfterPayment = 0;
    const unresolvedCases: unknown[] = [];
    for (const payment of payments) {
      const id = delinquencyOf.get(payment.n)!;
      const last = executionsOf(id).at(-1);
      const ended = last && last.status !== 'RUNNING' && last.stoppedAt !== null && last.stoppedAt <= payment.paidAt;
      const after = messages.filter((message) => message.delinquencyId === id && message.sentAt > payment.paidAt);
      sendsAfterPayment += after.length;
      if (ended) resolvedMs.push(payment.ms);
      else {
        unresolved += 1;
        if (unresolvedCases.length < 5)
          unresolvedCases.push({
            fate: fateOf(payment.n),
            paidAt: payment.paidAt,
            execution: last && { status: last.status, stoppedAt: last.stoppedAt, lastStates: last.states.slice(-4) },
            sentAfter: after.map((message) => ({ step: message.step, sentAt: message.sentAt })),
          });
      }
    }

    // What the mix used: the runtime's counters over it, less the hourly run's cost of an idle hour (priced apart).
    const mixExecutions = after.executions.filter(
      (execution) => !before.executions.some((earlier) => earlier.name === execution.name),
    );
    const transitions = sum(mixExecutions.map((execution) => execution.states.length));
    const historyEvents = sum(mixExecutions.map((execution) => execution.historyEvents ?? 0));
    const taskInvocations = sum(Object.values(after.lambdaInvocations)) - sum(Object.values(before.lambdaInvocations));
    const mixUse = usedBetween(before, after);
    if (mixUse[REMINDER_RUN]) mixUse[REMINDER_RUN] = lessUse(mixUse[REMINDER_RUN], idleRun, mixRuns);
    const apiCalls: Record<string, number> = {};
    const engineCalls: Record<string, number> = {};
    const endedCalls: Record<string, number> = {};
    for (const [name, use] of Object.entries(mixUse))
      addCalls(name === EXECUTION_ENDED ? endedCalls : ENGINE_FUNCTIONS.test(name) ? engineCalls : apiCalls, use.calls);
    const total = (field: 'readUnits' | 'writeUnits' | 'refusedWrites' | 'refusedWriteUnits') =>
      sum(Object.values(mixUse).map((use) => use[field]));
    const endedEarly = mixExecutions.filter((execution) => EARLY_ENDS.includes(execution.status)).length;
    const schedulerInvocations = (after.scheduler?.invocations ?? 0) - (before.scheduler?.invocations ?? 0);
    const schedulesCreated = (after.scheduler?.created ?? 0) - (before.scheduler?.created ?? 0);
    const emails = messages.filter((message) => message.channel === 'email').length;
    const sms = messages.filter((message) => message.channel === 'sms').length;
    const usage: Usage = {
      stateTransitions: transitions,
      historyEvents,
      executions: mixExecutions.length,
      functions: {
        api: { kind: 'api', invocations: mixRequests, dynamoDbCalls: apiCalls },
        engine: { kind: 'engine', invocations: taskInvocations, dynamoDbCalls: engineCalls },
        [EXECUTION_ENDED]: { kind: 'api', invocations: endedEarly, dynamoDbCalls: endedCalls },
      },
      dynamoDb: { readUnits: total('readUnits'), writeUnits: total('writeUnits') },
      emails,
      sms,
      eventBridgeEvents: events,
      controlPlaneCalls: mixExecutions.length + schedulesCreated,
      schedulerInvocations,
      apiRequests: mixRequests,
      applicationLogBytes: Math.max(0, Math.round(mixLogBytes)),
      // Business metrics go out with each message, payment (two), promise and execution start.
      metricRecords: emails + sms + 2 * payments.length + promises + mixExecutions.length,
      traces: mixRequests + mixExecutions.length + endedEarly,
    };
    const priced = priceUsage(usage);
    // The hourly run of an idle month and the custom metrics: what the deployment costs before any lifecycle.
    const idleHour: Usage = {
      ...emptyUsage(),
      functions: { engine: { kind: 'engine', invocations: 1, dynamoDbCalls: idleRun.calls } },
      dynamoDb: { readUnits: idleRun.readUnits, writeUnits: idleRun.writeUnits },
      applicationLogBytes: Math.round(idleLogBytesPerRun),
      traces: 1,
    };
    const fixedMonthlyUsd = priceUsage(scaleUsage(idleHour, 24 * 30)).totalUsd + metrics * PRICES.customMetricMonth.usd;
    const scale = 1000 / COUNT;
    const messaging = emails * PRICES.sesEmail.usd + sms * PRICES.snsSmsUs.usd;
    const p99 = percentile(resolvedMs, 99);
    const result = {
      lifecycles: COUNT,
      ladderLifecycles: LADDER,
      mix: { 'paid-early': 0.3, promised: 0.2, 'paid-after-fee': 0.1, 'handed-off': 0.4 },
      outcomes: statuses,
      counts: {
        ...usage,
        escalationStepsActed: stepsActed,
        taskInvocations: Object.fromEntries(
          Object.entries(after.lambdaInvocations).map(([name, n]) => [name, n - (before.lambdaInvocations[name] ?? 0)]),
        ),
        hourlyRuns: mixRuns,
        refusedWrites: total('refusedWrites'),
        refusedWriteUnits: total('refusedWriteUnits'),
        lambdaGbSeconds: {
          duration: round(priced.lambdaGbSeconds.duration, 2),
          init: round(priced.lambdaGbSeconds.init, 2),
        },
        logBytes: priced.logBytes,
        idleHourlyRun: idleRun,
      },
      transitionsPerEscalationStep: round(transitions / stepsActed, 2),
      costPer1000LifecyclesUsd: round(priced.totalUsd * scale),
      costBreakdownPer1000Usd: Object.fromEntries(
        Object.entries(priced.costUsd).map(([name, value]) => [name, round(value * scale)]),
      ),
      fixedMonthlyUsd: round(fixedMonthlyUsd, 2),
      messagingCostPer1000LifecyclesUsd: round(messaging * scale),
      writeUnitsPerLifecycle: round(ladderWrites / LADDER, 1),
      writeUnitsPerLadderLifecycleByFunction: ladderByFunction,
      ladderNotHandedOff,
      writeUnitsPerMixLifecycle: round(total('writeUnits') / COUNT, 1),
      paymentToResolvedP99Ms: p99 === null || unresolved > 0 ? null : Math.round(p99),
      paymentToResolvedP50Ms: resolvedMs.length ? Math.round(percentile(resolvedMs, 50)!) : null,
      paymentCases: payments.length,
      paymentsNotResolved: unresolved,
      unresolvedCases,
      sendsAfterPayment,
      localRuntimeRssMb: Math.round(peakRss),
      peakRssMb: { node: Math.round(peaks.node), dynamoDbLocal: Math.round(peaks.dynamoDbLocal) },
      wallSeconds: Math.round(wallSeconds),
      model: { duration: DURATION_MODEL, logs: LOG_MODEL },
      prices: priceTable(),
    };
    process.stdout.write(
      [
        `${COUNT} lifecycles on the local runtime in ${result.wallSeconds} s (outcomes ${JSON.stringify(statuses)})`,
        '',
        '| figure | value |',
        '| --- | --- |',
        `| state transitions | ${transitions} (${result.transitionsPerEscalationStep} per escalation step, ${stepsActed} steps), ${historyEvents} history events |`,
        `| Lambda invocations | ${taskInvocations} task + ${mixRequests} API (+ ${mixRuns} hourly, priced apart); modelled ${result.counts.lambdaGbSeconds.duration} GB-s + ${result.counts.lambdaGbSeconds.init} GB-s init |`,
        `| DynamoDB units | ${usage.dynamoDb.readUnits} read, ${usage.dynamoDb.writeUnits} write (${result.counts.refusedWrites} refused writes, ${result.counts.refusedWriteUnits} units) |`,
        `| write units per payment-free lifecycle | ${result.writeUnitsPerLifecycle} (${LADDER} lifecycles: ${JSON.stringify(ladderByFunction)}) |`,
        `| EventBridge events, Scheduler invocations | ${events}, ${schedulerInvocations} |`,
        `| log bytes | state machine ${priced.logBytes.stateMachine}, Lambda ${priced.logBytes.lambda} (${usage.applicationLogBytes} from handlers), API access ${priced.logBytes.apiAccess} |`,
        `| messages | ${emails} email, ${sms} SMS |`,
        `| cost per 1,000 lifecycles | $${result.costPer1000LifecyclesUsd} (${Object.entries(
          result.costBreakdownPer1000Usd,
        )
          .map(([k, v]) => `${k} $${v}`)
          .join(', ')}) |`,
        `| fixed, per month | $${result.fixedMonthlyUsd} (hourly run when idle: ${JSON.stringify(idleRun)}; ${metrics} custom metrics) |`,
        `| messaging per 1,000 lifecycles | $${result.messagingCostPer1000LifecyclesUsd} |`,
        `| payment to resolved | p50 ${result.paymentToResolvedP50Ms} ms, p99 ${result.paymentToResolvedP99Ms} ms over ${payments.length} payments (${unresolved} not ended at once, ${sendsAfterPayment} sends after) |`,
        `| peak memory of the runtime (DynamoDB Local included) | ${result.localRuntimeRssMb} MB (peaks: Node.js ${result.peakRssMb.node} MB, DynamoDB Local ${result.peakRssMb.dynamoDbLocal} MB) |`,
      ].join('\n') + '\n',
    );
    writeResult('lifecycles', result);
  } finally {
    capturing = false;
    clearInterval(sampler);
    await runtime.stop();
    await dynamoDb.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
