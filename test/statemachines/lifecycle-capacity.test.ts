// The payment-free lifecycle's DynamoDB budget: what one case costs in write and read units, from its invoice to hand-off.
import { createHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2026-12-01T23:30:00Z');
});
afterAll(() => harness.stop());

describe('lifecycle capacity', () => {
  it('runs the payment-free ladder to hand-off within 100 write units', async () => {
    harness.capacity.reset();
    await harness.openCase({ invoiceId: 'ladder', dueDate: '2026-12-01' });
    await harness.advanceTo('2027-01-31T00:00:00Z');
    const used = harness.capacity.totals();
    if (process.env.ARREARS_REPORT_CAPACITY) {
      const lines = Object.entries(harness.capacity.breakdown()).sort(([, a], [, b]) => b.units - a.units);
      process.stdout.write(`lifecycle capacity ${JSON.stringify(used)}\n`);
      for (const [name, line] of lines) process.stdout.write(`${JSON.stringify(line)} ${name}\n`);
    }
    // Measured 93 WCU with AWS-sized task tokens (1,000 characters) on the case item: 312 when every index held whole
    // items (189 of them index writes) and each wake parked its token in a write of its own, 117 while each step's save
    // was a transaction with its "stage.changed" entry. Where they go now: the case's saves with the wake's token (8
    // conditional puts, 19: the token makes the case item about 2 KB), the timeline entries written before them (16),
    // the opening with its invoice, scoring and first entry (10), the invoice with its report counters (8), the fee with
    // its counters (6), the five sends' claims (written as 'sending', then 'sent' and 'announced': 15), the step claims,
    // the call task and the set-up. The indexes take a few: keys when an item enters or leaves one, and the queue keys
    // when a case changes status or priority bucket; a pass that only re-scores a case writes none.
    expect(used.writeUnits).toBeLessThanOrEqual(100);
    // Measured 93.5 RCU (110 before): index queries answer keys and the items are read from the table; one wake per
    // step reads the facts once per step.
    expect(used.readUnits).toBeLessThanOrEqual(105);
  });
});
