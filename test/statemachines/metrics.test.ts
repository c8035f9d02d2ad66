// Business metrics from real flows on the synthesized state machine: executions started, messages sent, payments (a replay
// counted once) and promises decided, as the dashboard reads them.
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { makePromise } from '../../shared/use-cases/promises';
import { runReminders } from '../../shared/use-cases/reminder-run';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  // 23:30Z on 1 December is 00:30 on 2 December in Oslo: an invoice due on 1 December is overdue there.
  harness = await createHarness('2026-12-01T23:30:00Z');
});
afterAll(() => harness.stop());

const deps = () => ({ ...harness.engine, clock: harness.clock });
const total = (name: Parameters<Harness['metrics']['total']>[0], dimension?: string) =>
  harness.metrics.total(name, dimension);

describe('business metrics', () => {
  it('counts the execution the run starts once, its reminder as one email, and a replayed payment once', async () => {
    await putCustomer(deps(), TENANT, 'cus-metrics', {
      name: 'Kari Nordmann',
      kind: 'consumer',
      email: 'kari@example.no',
      phone: '+4791234567',
      timeZone: 'Europe/Oslo',
    });
    await putInvoice(deps(), TENANT, 'inv-metrics', {
      customerId: 'cus-metrics',
      amount: 125_000,
      currency: 'NOK',
      issuedAt: '2026-11-01',
      dueDate: '2026-12-01',
    });
    await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
    await harness.executions.idle();
    expect(total('ExecutionsStarted')).toBe(1);
    // A second run finds the execution running: the service refuses the duplicate, nothing is counted.
    await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
    expect(total('ExecutionsStarted')).toBe(1);

    await harness.advanceTo('2026-12-02T12:00:00Z');
    expect(harness.outbox.list().map((message) => `${message.channel}:${message.step}`)).toEqual(['email:overdue']);
    expect(harness.metrics.list().filter((metric) => metric.name === 'MessagesSent')).toEqual([
      { name: 'MessagesSent', dimensions: { channel: 'email' }, value: 1 },
    ]);

    const payment = { amount: 25_000, currency: 'NOK', reference: 'bank transfer 1' };
    const first = await recordPayment(deps(), TENANT, 'inv-metrics', payment, {
      idempotencyKey: 'pay-1',
      source: 'api',
      actor: 'api:test',
    });
    const replay = await recordPayment(deps(), TENANT, 'inv-metrics', payment, {
      idempotencyKey: 'pay-1',
      source: 'api',
      actor: 'api:test',
    });
    expect([first.created, replay.created]).toEqual([true, false]);
    await harness.executions.idle();
    expect(harness.metrics.list().filter((metric) => metric.dimensions.currency === 'NOK')).toEqual([
      { name: 'AmountRecovered', dimensions: { currency: 'NOK' }, value: 25_000 },
      { name: 'PaymentsApplied', dimensions: { currency: 'NOK' }, value: 1 },
    ]);
  });

  it('counts promises kept (paid in full) and broken (nothing by the last day) by outcome', async () => {
    harness.clock.set(new Date('2027-01-01T23:30:00Z'));
    const kept = await harness.openCase({ invoiceId: 'metrics-kept', dueDate: '2027-01-01' });
    const broken = await harness.openCase({ invoiceId: 'metrics-broken', dueDate: '2027-01-01' });
    await harness.advanceTo('2027-01-02T12:00:00Z');
    await makePromise(deps(), TENANT, kept, { amount: 125_000, date: '2027-01-05' }, 'api:test');
    await makePromise(deps(), TENANT, broken, { amount: 125_000, date: '2027-01-05' }, 'api:test');
    await harness.executions.idle();
    await recordPayment(deps(), TENANT, 'metrics-kept', {
      amount: 125_000,
      currency: 'NOK',
      reference: 'paid in full',
    });
    await harness.executions.idle();
    expect(total('PromisesDecided', 'kept')).toBe(1);
    expect(total('PromisesDecided', 'broken')).toBe(0);
    // Held through 7 January (2 grace days), decided broken at midnight after.
    await harness.advanceTo('2027-01-09T12:00:00Z');
    expect(harness.metrics.list().filter((metric) => metric.name === 'PromisesDecided')).toEqual([
      { name: 'PromisesDecided', dimensions: { outcome: 'broken' }, value: 1 },
      { name: 'PromisesDecided', dimensions: { outcome: 'kept' }, value: 1 },
    ]);
  });
});
