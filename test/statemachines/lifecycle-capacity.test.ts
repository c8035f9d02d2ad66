// The payment-free lifecycle's DynamoDB budget: what one case costs in write and read units, end to end.
import { createHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2026-12-01T23:30:00Z');
});
afterAll(() => harness.stop());

describe('lifecycle capacity', () => {
  it('runs the payment-free ladder to hand-off within its write and read budget', async () => {
    harness.capacity.reset();
    await harness.openCase({ invoiceId: 'ladder', dueDate: '2026-12-01' });
    await harness.advanceTo('2027-01-31T00:00:00Z');
    const used = harness.capacity.totals();
    if (process.env.ARREARS_REPORT_CAPACITY) {
      const lines = Object.entries(harness.capacity.breakdown()).sort(([, a], [, b]) => b.units - a.units);
      process.stdout.write(`lifecycle capacity ${JSON.stringify(used)}\n`);
      for (const [name, line] of lines) process.stdout.write(`${JSON.stringify(line)} ${name}\n`);
    }
    expect(used.writeUnits).toBeLessThanOrEqual(400);
  });
});
