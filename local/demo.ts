// `npm run demo`: loads a small portfolio into a fresh local runtime and plays a month of collections on the virtual
// clock, printing each day's messages, fees and hand-offs, then the month's totals.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { actionLines, demoPort, finalLine, money, type OutboxMessage, type RecordedEvent } from './demo-report';

const KEY = 'demo-api-key-0001';
const START = '2026-11-20T00:00:00Z';

const portfolio = [
  {
    id: 'kari',
    name: 'Kari Nordmann',
    zone: 'Europe/Oslo',
    locale: 'nb-NO',
    currency: 'NOK',
    amount: 125_000,
    due: '2026-11-25',
    email: true,
    phone: '+4791234567',
  },
  {
    id: 'ola',
    name: 'Ola Hansen',
    zone: 'Europe/Oslo',
    locale: 'nb-NO',
    currency: 'NOK',
    amount: 48_000,
    due: '2026-11-28',
    email: true,
    phone: '+4798765432',
    paysOn: '2026-12-03',
  },
  {
    id: 'john',
    name: 'John Smith',
    zone: 'America/New_York',
    locale: 'en-US',
    currency: 'USD',
    amount: 89_900,
    due: '2026-11-26',
    email: true,
    phone: '+12125550123',
  },
  {
    id: 'maria',
    name: 'Maria Garcia',
    zone: 'America/Los_Angeles',
    locale: 'en-US',
    currency: 'USD',
    amount: 23_450,
    due: '2026-12-01',
    email: true,
  },
  {
    id: 'hanako',
    name: 'Sato Hanako',
    zone: 'Asia/Tokyo',
    locale: 'en',
    currency: 'JPY',
    amount: 54_000,
    due: '2026-11-24',
    email: true,
    phone: '+819012345678',
  },
  {
    id: 'ana',
    name: 'Ana Popescu',
    zone: 'Europe/Bucharest',
    locale: 'ro',
    currency: 'EUR',
    amount: 15_000,
    due: '2026-11-30',
    email: true,
    phone: '+40712345678',
    optOutSms: true,
  },
] as const;

const main = async () => {
  const { startLocalRuntime } = await import('./runtime');
  const wall = Date.now();
  const runtime = await startLocalRuntime({
    port: demoPort(process.env.PORT),
    host: '127.0.0.1',
    clock: 'virtual',
    clockStart: START,
    log: () => undefined,
  });
  const call = async (method: string, path: string, body?: unknown, idempotencyKey?: string) => {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${KEY}`,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as never;
  };
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    out(`Arrears demo: ${portfolio.length} customers, one invoice each, from ${START.slice(0, 10)}\n`);
    for (const customer of portfolio) {
      await call('PUT', `/v1/customers/${customer.id}`, {
        name: customer.name,
        kind: 'consumer',
        timeZone: customer.zone,
        locale: customer.locale,
        ...(customer.email ? { email: `${customer.id}@example.com` } : {}),
        ...('phone' in customer ? { phone: customer.phone } : {}),
      });
      if ('optOutSms' in customer) await call('POST', `/v1/customers/${customer.id}/opt-outs`, { channel: 'sms' });
      await call('PUT', `/v1/invoices/inv-${customer.id}`, {
        customerId: customer.id,
        amount: customer.amount,
        currency: customer.currency,
        issuedAt: '2026-11-01',
        dueDate: customer.due,
      });
    }
    let seenMessages = 0;
    let seenEvents = 0;
    for (let day = 1; day <= 50; day += 1) {
      const { now } = (await call('POST', '/local/clock/advance', { by: 'P1D' })) as { now: string };
      const today = now.slice(0, 10);
      // Printed once the day is over, by when each thing happened, so a fee at 09:00 is that day's line, not the next.
      const messages = ((await call('GET', '/local/outbox')) as { messages: OutboxMessage[] }).messages;
      const events = ((await call('GET', '/local/events')) as { events: RecordedEvent[] }).events;
      for (const line of actionLines(portfolio, messages.slice(seenMessages), events.slice(seenEvents))) out(line);
      seenMessages = messages.length;
      seenEvents = events.length;
      for (const customer of portfolio) {
        if ('paysOn' in customer && customer.paysOn === today) {
          const invoice = (await call('GET', `/v1/invoices/inv-${customer.id}`)) as { balance: number };
          await call(
            'POST',
            `/v1/invoices/inv-${customer.id}/payments`,
            { amount: invoice.balance, currency: customer.currency, reference: `bank-${today}` },
            `pay-${customer.id}`,
          );
          out(`${today}  payment   ${customer.name.padEnd(14)} paid ${money(invoice.balance, customer)} in full`);
        }
      }
    }
    const executions = (await call('GET', '/local/executions')) as {
      executions: { status: string; transitions: number }[];
      lambdaInvocations: Record<string, number>;
      dynamodb: { readUnits: number; writeUnits: number };
    };
    const messages = ((await call('GET', '/local/outbox')) as { messages: { channel: string }[] }).messages;
    const byChannel = messages.reduce<Record<string, number>>(
      (counts, message) => ({ ...counts, [message.channel]: (counts[message.channel] ?? 0) + 1 }),
      {},
    );
    out('\nAfter 50 days:');
    out(`  messages:     ${JSON.stringify(byChannel)}`);
    out(
      `  executions:   ${executions.executions.length} (${executions.executions.filter((e) => e.status === 'SUCCEEDED').length} finished)`,
    );
    out(`  transitions:  ${executions.executions.reduce((sum, e) => sum + e.transitions, 0)}`);
    out(`  invocations:  ${JSON.stringify(executions.lambdaInvocations)}`);
    out(
      `  dynamodb:     ${executions.dynamodb.readUnits} read units, ${executions.dynamodb.writeUnits} write units (API calls, runs and executions)`,
    );
    const iam = (await call('GET', '/local/iam')) as {
      enabled: boolean;
      denials: { functionId: string; action: string; resource: string }[];
    };
    out(
      `  iam:          ${iam.enabled ? `every call checked against its function's synthesized role, ${iam.denials.length} refused` : 'not checked (ARREARS_LOCAL_IAM=off)'}`,
    );
    for (const denial of iam.denials.slice(0, 5))
      out(`                refused: ${denial.functionId} ${denial.action} on ${denial.resource}`);
    for (const customer of portfolio) {
      const invoice = (await call('GET', `/v1/invoices/inv-${customer.id}`)) as {
        status: string;
        balance: number;
        charges: { fees: number };
        delinquencyId: string | null;
      };
      const delinquency = invoice.delinquencyId
        ? ((await call('GET', `/v1/delinquencies/${invoice.delinquencyId}`)) as { status: string })
        : null;
      out(finalLine(customer, invoice, delinquency));
    }
    out(`\nPlayed in ${((Date.now() - wall) / 1000).toFixed(1)} s of wall time.`);
  } finally {
    await runtime.stop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
