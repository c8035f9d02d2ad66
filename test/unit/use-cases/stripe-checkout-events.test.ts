// Which Stripe Checkout events move money: a paid session for a case is work to do, anything else is settled at once
// with an outcome the event's record keeps (and Stripe stops retrying).
import { stripeScheme } from '../../../shared/use-cases/stripe-webhook';

const session = (changes: Record<string, unknown> = {}) => ({
  id: 'evt_1',
  type: 'checkout.session.completed',
  data: {
    object: {
      id: 'cs_test_1',
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      payment_intent: 'pi_1',
      amount_total: 12_550,
      currency: 'nok',
      metadata: { tenantId: 'acme', delinquencyId: 'dlq-1', customerId: 'cust-1' },
      ...changes,
    },
  },
});

const routed = (event: { id: string; type: string; data: { object: Record<string, unknown> } }) => {
  const work = stripeScheme.route(event);
  return work.kind === 'settled' ? work.outcome : work.kind;
};

describe('Stripe Checkout events', () => {
  it('applies a paid session for a case, when it completes or when a delayed payment succeeds', () => {
    expect(routed(session())).toBe('work');
    expect(routed({ ...session(), type: 'checkout.session.async_payment_succeeded' })).toBe('work');
  });

  it('settles what moves no money or names no case, without touching any invoice', () => {
    expect(routed(session({ payment_status: 'unpaid' }))).toEqual({
      status: 'ignored',
      detail: 'the session is unpaid',
    });
    expect(routed(session({ mode: 'setup' }))).toMatchObject({ status: 'ignored' });
    expect(routed(session({ metadata: {} }))).toMatchObject({ status: 'unmatched' });
    expect(routed(session({ payment_intent: null }))).toMatchObject({ status: 'rejected' });
  });

  it("acknowledges a Checkout payment's own payment_intent.succeeded without paying it a second time", () => {
    const intent = {
      id: 'evt_2',
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: 'pi_1',
          amount_received: 12_550,
          currency: 'nok',
          metadata: { tenantId: 'acme', delinquencyId: 'dlq-1', customerId: 'cust-1' },
        },
      },
    };
    expect(routed(intent)).toMatchObject({ status: 'ignored' });
  });
});
