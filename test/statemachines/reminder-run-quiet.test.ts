// The hourly run over an invoice's pre-due window: its reminder goes once, at its time, and the hours with nothing new
// for the invoice read neither its customer nor its claims (what was settled is noted on the invoice).
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { runReminders } from '../../shared/use-cases/reminder-run';
import { createHarness, TENANT, type Harness } from './harness';

const HOUR = 3_600_000;
const WINDOW_START = Date.parse('2026-12-06T00:00:00Z');

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness(new Date(WINDOW_START).toISOString());
  const deps = { ...harness.engine, clock: harness.clock };
  await putCustomer(deps, TENANT, 'oslo', {
    name: 'Oslo',
    kind: 'consumer',
    email: 'oslo@example.no',
    timeZone: 'Europe/Oslo',
  });
  // Due on 10 December: the default ladder's reminder three days before goes on the 7th at 09:00 in Oslo (08:00Z).
  await putInvoice(deps, TENANT, 'quiet', {
    customerId: 'oslo',
    amount: 10_000,
    currency: 'NOK',
    issuedAt: '2026-11-10',
    dueDate: '2026-12-10',
  });
});
afterAll(() => harness.stop());

describe('reminder run, hours with nothing new', () => {
  it("sends the pre-due reminder once and reads the customer only in the hours around it, not the window's other hours", async () => {
    const customerReads = jest.spyOn(harness.engine.customers, 'getWithOptOuts');
    const hoursRead: string[] = [];
    // Every hourly run of the three UTC days the run's index lists the invoice under for its pre-due reminder.
    for (let hour = 0; hour < 72; hour += 1) {
      const at = new Date(WINDOW_START + hour * HOUR);
      harness.clock.set(at);
      const before = customerReads.mock.calls.length;
      await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
      if (customerReads.mock.calls.length > before) hoursRead.push(at.toISOString().slice(0, 13));
    }

    const sent = harness.outbox.list().filter((message) => message.step === 'upcoming');
    expect(sent.map((message) => [message.customerId, message.sentAt])).toEqual([['oslo', '2026-12-07T08:00:00.000Z']]);
    // From the first moment that reminder can be due in any zone (09:00 on the 7th at UTC+14, 19:00Z on the 6th) to
    // the run after it went, which notes it settled: 15 of the 72 hours. The others read the index entry only.
    const expected = Array.from({ length: 15 }, (_, n) =>
      new Date(Date.parse('2026-12-06T19:00:00Z') + n * HOUR).toISOString().slice(0, 13),
    );
    expect(hoursRead).toEqual(expected);
    const stored = await harness.engine.invoices.get(TENANT, 'quiet');
    expect(stored?.invoice.preDueDone).toEqual(['upcoming']);
    customerReads.mockRestore();
  });

  it('still opens the case once the due date has passed in the customer zone', async () => {
    // 10 December ends in Oslo at 23:00Z: the run before it leaves the invoice alone, the run at that hour opens it.
    harness.clock.set(new Date('2026-12-10T22:00:00Z'));
    await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
    expect((await harness.engine.invoices.get(TENANT, 'quiet'))?.invoice.delinquencyId).toBeNull();
    harness.clock.set(new Date('2026-12-10T23:00:00Z'));
    await harness.asFunction('ReminderRun', () => runReminders(harness.engine));
    await harness.executions.idle();
    expect((await harness.engine.invoices.get(TENANT, 'quiet'))?.invoice.delinquencyId).not.toBeNull();
  });
});
