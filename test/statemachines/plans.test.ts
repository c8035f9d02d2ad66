// Payment plans on the synthesized state machine: reminders before instalments, completion, a broken plan resuming
// the ladder, and automatic collection against a local fake of Stripe's API with a retry after a decline.
import { StripeCollector } from '../../shared/adapters/stripe/stripe-collector';
import { ValidationError } from '../../shared/errors/errors';
import { recordPayment } from '../../shared/use-cases/invoices';
import { applyProviderReversal } from '../../shared/use-cases/provider-payments';
import { makePlan } from '../../shared/use-cases/plans';
import { startFakeStripe, type FakeStripe } from '../fixtures/fake-stripe';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startFakeStripe('sk_test_fake_0001');
  const collector = new StripeCollector(
    { get: async (name) => (name.endsWith('/stripe') ? 'sk_test_fake_0001' : null) },
    () => 'arrears',
    stripe.url,
  );
  harness = await createHarness('2026-12-01T23:30:00Z', { collector });
});
afterAll(async () => {
  harness.stop();
  await stripe.stop();
});

const deps = () => ({ ...harness.engine, clock: harness.clock });
const steps = (delinquencyId: string) =>
  harness.outbox
    .list()
    .filter((message) => message.delinquencyId === delinquencyId)
    .map((message) => message.step.replace(/^plan-reminder-pln_[A-Za-z0-9]+-(\d+)$/, 'plan-reminder-$1'));
const pay = async (invoiceId: string, amount: number) => {
  await recordPayment(deps(), TENANT, invoiceId, { amount, currency: 'NOK', reference: 'bank' });
  await harness.executions.idle();
};
const plan = async (
  delinquencyId: string,
  installments: { dueDate: string; amount: number }[],
  autoCollect?: { provider: 'stripe'; customer: string; paymentMethod: string },
) => {
  const made = await makePlan(
    deps(),
    TENANT,
    delinquencyId,
    { installments, ...(autoCollect ? { autoCollect } : {}) },
    'api:test',
  );
  await harness.executions.idle();
  return made;
};
const planOf = async (delinquencyId: string) => (await harness.engine.delinquencies.plans(TENANT, delinquencyId))[0]!;

describe('payment plans', () => {
  it('reminds before each instalment, completes when both are paid, and resolves the case', async () => {
    const id = await harness.openCase({ invoiceId: 'plan-kept', dueDate: '2026-12-01' });
    await harness.advanceTo('2026-12-02T12:00:00Z');
    await plan(id, [
      { dueDate: '2026-12-10', amount: 60_000 },
      { dueDate: '2026-12-20', amount: 65_000 },
    ]);
    await harness.advanceTo('2026-12-09T12:00:00Z');
    await pay('plan-kept', 60_000);
    await harness.advanceTo('2026-12-19T12:00:00Z');
    await pay('plan-kept', 65_000);
    expect(steps(id)).toEqual(['overdue', 'plan-reminder-1', 'plan-reminder-2', 'receipt']);
    expect(await planOf(id)).toMatchObject({
      status: 'completed',
      installments: [{ status: 'paid' }, { status: 'paid' }],
    });
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
  });

  it('breaks when an instalment is missed past the grace days, and the ladder resumes with one catch-up step', async () => {
    harness.clock.set(new Date('2027-01-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'plan-broken', dueDate: '2027-01-01' });
    await harness.advanceTo('2027-01-02T12:00:00Z');
    await plan(id, [
      { dueDate: '2027-01-10', amount: 60_000 },
      { dueDate: '2027-01-20', amount: 65_000 },
    ]);
    await harness.advanceTo('2027-01-10T12:00:00Z');
    await pay('plan-broken', 60_000);
    await harness.advanceTo('2027-01-24T12:00:00Z');
    expect(await planOf(id)).toMatchObject({
      status: 'broken',
      installments: [{ status: 'paid' }, { status: 'missed' }],
    });
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('active');
    const timeline = await harness.engine.delinquencies.timeline(TENANT, id);
    expect(timeline.filter((entry) => entry.kind === 'plan.broken')).toHaveLength(1);
    // Four steps fell due during the plan; on 23 January only the most advanced (the collector's call) acts.
    expect(timeline.filter((entry) => entry.kind === 'step.skipped').map((entry) => entry.stepId)).toEqual([
      'overdue-sms',
      'second-reminder',
      'late-fee',
    ]);
    expect(timeline.some((entry) => entry.kind === 'call.requested')).toBe(true);
    expect(steps(id)).toEqual(['overdue', 'plan-reminder-1', 'plan-reminder-2']);
  });

  it('collects instalments from the saved card, retrying a decline the next day, and charges each once', async () => {
    harness.clock.set(new Date('2027-02-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'plan-auto', dueDate: '2027-02-01' });
    await harness.advanceTo('2027-02-02T12:00:00Z');
    const made = await plan(
      id,
      [
        { dueDate: '2027-02-10', amount: 60_000 },
        { dueDate: '2027-02-20', amount: 65_000 },
      ],
      { provider: 'stripe', customer: 'cus_kari', paymentMethod: 'pm_card_flaky' },
    );
    await harness.advanceTo('2027-02-28T12:00:00Z');
    const charges = stripe.charges.filter((charge) => charge.metadata.plan_id === made.id);
    expect(charges.map((charge) => `${charge.metadata.installment}:${charge.status}`)).toEqual([
      '1:requires_payment_method',
      '1:succeeded',
      '2:requires_payment_method',
      '2:succeeded',
    ]);
    expect(charges.every((charge) => charge.customer === 'cus_kari' && charge.currency === 'nok')).toBe(true);
    const stored = await planOf(id);
    expect(stored.status).toBe('completed');
    expect(
      stored.attempts.map((attempt) => `${attempt.installment}:${attempt.outcome}:${attempt.at.slice(0, 10)}`),
    ).toEqual(['1:failed:2027-02-10', '1:succeeded:2027-02-11', '2:failed:2027-02-20', '2:succeeded:2027-02-21']);
    const invoice = (await harness.engine.invoices.get(TENANT, 'plan-auto'))!;
    const payments = [...invoice.payments].sort((a, b) => a.paidAt.localeCompare(b.paidAt));
    expect(payments.map((payment) => `${payment.source}:${payment.amount}`)).toEqual(['stripe:60000', 'stripe:65000']);
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');

    // Stripe later refunds the second charge: the collected payment is found through its link and the case reopens.
    const refunded = await applyProviderReversal(deps(), TENANT, {
      provider: 'stripe',
      providerPaymentId: charges[3]!.id,
      eventId: 'evt_refund_auto',
      kind: 'refund',
      cumulativeAmount: 65_000,
      reference: 're_auto',
      source: 'stripe',
    });
    await harness.executions.idle();
    expect(refunded.status).toBe('applied');
    expect(await harness.engine.delinquencies.get(TENANT, id)).toMatchObject({ status: 'active', reopenCount: 1 });
  });

  it('refuses instalments that do not sum to the balance or are out of order, naming the fields', async () => {
    harness.clock.set(new Date('2027-03-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'plan-refused', dueDate: '2027-03-01' });
    await harness.advanceTo('2027-03-02T12:00:00Z');
    const refused = makePlan(
      deps(),
      TENANT,
      id,
      {
        installments: [
          { dueDate: '2027-03-20', amount: 60_000 },
          { dueDate: '2027-03-10', amount: 60_000 },
        ],
      },
      'api:test',
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      issues: [{ path: 'installments' }, { path: 'installments.1.dueDate' }],
    });
    expect(await harness.engine.delinquencies.plans(TENANT, id)).toEqual([]);
  });
});
