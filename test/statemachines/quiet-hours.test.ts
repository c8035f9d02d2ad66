// A tenant's narrower contact hours on the synthesized state machine: the engine holds a step to them, and says so.
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2027-01-10T12:00:00Z');
});
afterAll(() => harness.stop());

const sent = (delinquencyId: string) =>
  harness.outbox
    .list()
    .filter((message) => message.delinquencyId === delinquencyId)
    .map((message) => `${message.step}@${message.sentAt}`);

/** The harness's tenant (which sets no contact hours) with a send time of 08:00 and the contact hours given. */
const setTenant = async (quietHours?: { start: string; end: string }) => {
  const tenant = (await harness.engine.tenants.getTenant(TENANT))!;
  await harness.engine.tenants.putTenant({ ...tenant, sendTime: '08:00', ...(quietHours ? { quietHours } : {}) });
};

describe("the tenant's quiet hours", () => {
  it("without a setting, the overdue email goes at the send time, 08:00 in the customer's zone", async () => {
    await setTenant();
    const id = await harness.openCase({ invoiceId: 'law', dueDate: '2027-01-11' });
    await harness.advanceTo('2027-01-12T12:00:00Z');
    // Oslo in January is UTC+1: 08:00 local is 07:00Z.
    expect(sent(id)).toEqual(['overdue@2027-01-12T07:00:00.000Z']);
  });

  it('with 09:00-17:00, the overdue email goes at 09:00 local, not 08:00, and the deferral names the rule', async () => {
    harness.clock.set(new Date('2027-02-10T12:00:00Z'));
    await setTenant({ start: '09:00', end: '17:00' });
    const id = await harness.openCase({ invoiceId: 'tenant-hours', dueDate: '2027-02-11' });
    await harness.advanceTo('2027-02-12T12:00:00Z');
    expect(sent(id)).toEqual(['overdue@2027-02-12T08:00:00.000Z']);
    const deferred = (await harness.engine.delinquencies.timeline(TENANT, id)).filter(
      (entry) => entry.kind === 'step.deferred',
    );
    expect(deferred).toEqual([
      expect.objectContaining({
        at: '2027-02-12T07:00:00.000Z',
        stepId: 'overdue',
        rule: 'contact.quiet-hours',
        detail: expect.stringContaining("outside the tenant's contact hours 09:00-17:00 in Europe/Oslo"),
        data: { nextAllowedAt: '2027-02-12T08:00:00.000Z' },
      }),
    ]);
  });
});
