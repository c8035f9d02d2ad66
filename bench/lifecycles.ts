// A counted run of many whole lifecycles on the local runtime (the synthesized state machine, the real handlers,
// DynamoDB Local), in a typical mix: paid soon after the first reminder, promised and kept, paid after the late fee,
// and escalated to hand-off. It counts state transitions, Lambda invocations and their run time, DynamoDB units,
// events and messages, prices them with bench/prices.ts, and samples the runtime's peak memory (DynamoDB Local included).
// Run: npm run bench:lifecycles (BENCH_LIFECYCLES to change the count, default 1,000). Writes bench/results/lifecycles.json.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { readdirSync, readFileSync } from 'node:fs';
import { PRICES } from './prices';
import { writeResult } from './results';

const COUNT = Number(process.env.BENCH_LIFECYCLES ?? 1000);
const KEY = 'bench-life-key-0001';
const DAY = 86_400_000;
const START = Date.parse('2027-01-04T07:00:00Z');
const DUE = '2027-01-10';

type Fate = 'paid-early' | 'promised' | 'paid-after-fee' | 'handed-off';
/** The mix: 30 % pay after the first reminder, 20 % promise and keep it, 10 % pay after the late fee, 40 % run out. */
const fateOf = (n: number): Fate =>
  n % 10 < 3 ? 'paid-early' : n % 10 < 5 ? 'promised' : n % 10 < 6 ? 'paid-after-fee' : 'handed-off';

/** Resident memory of a process in MB, from /proc (Linux); 0 where there is none. */
const rssMb = (pid: number): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** The DynamoDB Local process listening on this port (its command line names the port). */
const javaPidFor = (port: string): number | null => {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((arg) => arg.includes('DynamoDBLocal')) && args.includes(port)) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
};

const main = async () => {
  const { startLocalRuntime } = await import('../local/runtime');
  const runtime = await startLocalRuntime({
    port: 0,
    host: '127.0.0.1',
    clock: 'virtual',
    clockStart: new Date(START).toISOString(),
    tenants: `bench:${KEY}:whsec_bench`,
    log: () => undefined,
  });
  const javaPid = javaPidFor(new URL(runtime.dynamoEndpoint).port);
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, rssMb(process.pid) + (javaPid ? rssMb(javaPid) : 0)));
  const sampler = setInterval(sample, 250);
  let apiRequests = 0;
  let apiMs = 0;
  const call = async (method: string, path: string, body?: unknown, idempotencyKey?: string) => {
    const started = performance.now();
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
    if (!path.startsWith('/local/')) {
      apiRequests += 1;
      apiMs += performance.now() - started;
    }
    if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const wallStarted = performance.now();
  try {
    for (let n = 0; n < COUNT; n += 1) {
      await call('PUT', `/v1/customers/c${n}`, {
        name: `Customer ${n}`,
        kind: 'consumer',
        email: `c${n}@example.com`,
        phone: '+12025550123',
        timeZone: n % 2 ? 'America/New_York' : 'Europe/Oslo',
      });
      await call('PUT', `/v1/invoices/i${n}`, {
        customerId: `c${n}`,
        amount: 20_000 + (n % 50) * 1_000,
        currency: 'USD',
        issuedAt: '2026-12-10',
        dueDate: DUE,
      });
    }
    const delinquencyOf = new Map<number, string>();
    const payInFull = async (n: number) => {
      const invoice = (await call('GET', `/v1/invoices/i${n}`)) as { balance: number };
      if (invoice.balance > 0)
        await call(
          'POST',
          `/v1/invoices/i${n}/payments`,
          { amount: invoice.balance, currency: 'USD', reference: `bank-${n}` },
          `pay-i${n}`,
        );
    };
    // Day by day to 1 March (the hand-offs come 45 days after the due date), acting at noon UTC.
    for (let day = 0; day <= 56; day += 1) {
      await call('POST', '/local/clock/advance', { to: new Date(START + day * DAY + 5 * 3600_000).toISOString() });
      const date = new Date(START + day * DAY).toISOString().slice(0, 10);
      for (let n = 0; n < COUNT; n += 1) {
        const fate = fateOf(n);
        if (date === '2027-01-12' && fate === 'promised') {
          const { delinquencyId, balance } = (await call('GET', `/v1/invoices/i${n}`)) as {
            delinquencyId: string;
            balance: number;
          };
          delinquencyOf.set(n, delinquencyId);
          await call('POST', `/v1/delinquencies/${delinquencyId}/promises`, { amount: balance, date: '2027-01-18' });
        }
        if (
          (date === '2027-01-13' && fate === 'paid-early') ||
          (date === '2027-01-17' && fate === 'promised') ||
          (date === '2027-01-28' && fate === 'paid-after-fee')
        )
          await payInFull(n);
      }
      sample();
    }
    const wallSeconds = (performance.now() - wallStarted) / 1000;
    const executions = (await call('GET', '/local/executions')) as {
      executions: { name: string; status: string; states: unknown[] }[];
      lambdaInvocations: Record<string, number>;
      lambdaMs: Record<string, number>;
      dynamodb: { readUnits: number; writeUnits: number };
    };
    const events = ((await call('GET', '/local/events')) as { events: { detailType: string }[] }).events;
    const messages = ((await call('GET', '/local/outbox')) as { messages: { channel: string }[] }).messages;
    // Escalation steps acted: stage changes on every delinquency's timeline.
    let stepsActed = 0;
    const statuses: Record<string, number> = {};
    for (let n = 0; n < COUNT; n += 1) {
      const { delinquencyId } = (await call('GET', `/v1/invoices/i${n}`)) as { delinquencyId: string | null };
      if (!delinquencyId) continue;
      const view = (await call('GET', `/v1/delinquencies/${delinquencyId}`)) as {
        status: string;
        timeline: { kind: string }[];
      };
      statuses[view.status] = (statuses[view.status] ?? 0) + 1;
      stepsActed += view.timeline.filter((entry) => entry.kind === 'stage.changed').length;
    }
    const transitions = executions.executions.reduce((sum, execution) => sum + execution.states.length, 0);
    const engineInvocations = Object.values(executions.lambdaInvocations).reduce((a, b) => a + b, 0);
    const engineMs = Object.values(executions.lambdaMs).reduce((a, b) => a + b, 0);
    const gbSeconds = ((engineMs + apiMs) / 1000) * PRICES.functionMemoryGb;
    const emails = messages.filter((message) => message.channel === 'email').length;
    const sms = messages.filter((message) => message.channel === 'sms').length;
    const scale = 1000 / COUNT;
    const cost = {
      stepFunctions: transitions * PRICES.stateTransition,
      lambda: (engineInvocations + apiRequests) * PRICES.lambdaRequest + gbSeconds * PRICES.lambdaGbSecond,
      dynamodb:
        executions.dynamodb.readUnits * PRICES.readRequestUnit +
        executions.dynamodb.writeUnits * PRICES.writeRequestUnit,
      eventBridge: events.length * PRICES.eventBridgeEvent,
      apiGateway: apiRequests * PRICES.httpApiRequest,
    };
    const infrastructure = Object.values(cost).reduce((a, b) => a + b, 0);
    const messaging = emails * PRICES.sesEmail + sms * PRICES.snsSmsUs;
    const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
    const result = {
      lifecycles: COUNT,
      mix: { 'paid-early': 0.3, promised: 0.2, 'paid-after-fee': 0.1, 'handed-off': 0.4 },
      outcomes: statuses,
      counts: {
        stateTransitions: transitions,
        escalationStepsActed: stepsActed,
        lambdaInvocations: { ...executions.lambdaInvocations, api: apiRequests },
        lambdaGbSeconds: round(gbSeconds, 2),
        dynamodbReadUnits: executions.dynamodb.readUnits,
        dynamodbWriteUnits: executions.dynamodb.writeUnits,
        eventBridgeEvents: events.length,
        emails,
        sms,
      },
      transitionsPerEscalationStep: round(transitions / stepsActed, 2),
      costPer1000LifecyclesUsd: round(infrastructure * scale),
      costBreakdownPer1000Usd: Object.fromEntries(
        Object.entries(cost).map(([name, value]) => [name, round(value * scale)]),
      ),
      messagingCostPer1000LifecyclesUsd: round(messaging * scale),
      localRuntimeRssMb: Math.round(peakRss),
      wallSeconds: Math.round(wallSeconds),
      prices: { asOf: PRICES.asOf, region: PRICES.region },
    };
    process.stdout.write(
      [
        `${COUNT} lifecycles on the local runtime in ${result.wallSeconds} s (outcomes ${JSON.stringify(statuses)})`,
        '',
        '| figure | value |',
        '| --- | --- |',
        `| state transitions | ${transitions} (${result.transitionsPerEscalationStep} per escalation step, ${stepsActed} steps) |`,
        `| Lambda invocations | ${engineInvocations} engine + ${apiRequests} API, ${result.counts.lambdaGbSeconds} GB-s |`,
        `| DynamoDB units | ${executions.dynamodb.readUnits} read, ${executions.dynamodb.writeUnits} write |`,
        `| EventBridge events | ${events.length} |`,
        `| messages | ${emails} email, ${sms} SMS |`,
        `| cost per 1,000 lifecycles | $${result.costPer1000LifecyclesUsd} (${Object.entries(
          result.costBreakdownPer1000Usd,
        )
          .map(([k, v]) => `${k} $${v}`)
          .join(', ')}) |`,
        `| messaging per 1,000 lifecycles | $${result.messagingCostPer1000LifecyclesUsd} |`,
        `| peak memory of the runtime (DynamoDB Local included) | ${result.localRuntimeRssMb} MB |`,
      ].join('\n') + '\n',
    );
    writeResult('lifecycles', result);
  } finally {
    clearInterval(sampler);
    await runtime.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
