// Issue 13's engine defects on the synthesized state machine: the queue's balance, the send time of a deferred step,
// a closed debt's call task, and a credit to zero that must settle the case at once.
import { DynamoDisputeCreditLedger } from '../../shared/adapters/dynamodb/dispute-credits.dynamodb';
import { recordPayment } from '../../shared/use-cases/invoices';
import { openDispute, resolveDispute } from '../../shared/use-cases/disputes';
import { getDelinquencyView } from '../../shared/use-cases/delinquency-view';
import { workQueue } from '../../shared/use-cases/work-queue';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2027-06-10T21:30:00Z');
});
afterAll(() => harness.stop());

const deps = () => ({ ...harness.engine, clock: harness.clock });
const sent = (delinquencyId: string) =>
  harness.outbox
    .list()
    .filter((message) => message.delinquencyId === delinquencyId)
    .map((message) => `${message.step}@${message.sentAt}`);
const queued = async (delinquencyId: string, status: 'active' | 'resolved' = 'active') =>
  (await workQueue(deps(), TENANT, { status, limit: 100 } as never)).items.find((item) => item.id === delinquencyId);

describe('issue 13 on the state machine', () => {
  it("item 16: a step deferred by the contact window goes out at the tenant's send time, not at the window's opening", async () => {
    // 23:30 in Oslo: the overdue step fell due yesterday at 09:00 and may not go out before the morning.
    const id = await harness.openCase({ invoiceId: 'deferred', dueDate: '2027-06-08' });
    const parked = (await harness.engine.delinquencies.get(TENANT, id))!;
    expect(parked).toMatchObject({ nextStep: 'overdue', nextActionAt: '2027-06-11T07:00:00.000Z' });
    await harness.advanceTo('2027-06-11T12:00:00Z');
    // 09:00 Oslo summer time, the tenant's send time; 08:00 would be the window's opening.
    expect(sent(id)).toEqual(['overdue@2027-06-11T07:00:00.000Z']);
  });

  it('item 13: the queue shows the balance after a fee and after a part payment', async () => {
    harness.clock.set(new Date('2027-07-01T10:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'fee', dueDate: '2027-06-30' });
    // Past the late-fee step (day 15, 2 %): the invoice now owes 127,500.
    await harness.advanceTo('2027-07-16T12:00:00Z');
    const view = await getDelinquencyView(deps() as never, TENANT, id);
    expect(view.balance).toBe(127_500);
    expect((await queued(id))?.balance).toBe(127_500);
    await recordPayment(deps(), TENANT, 'fee', { amount: 27_500, currency: 'NOK', reference: 'bank' });
    // The payment's own write moved the queue's balance: nothing else has run yet.
    expect((await queued(id))?.balance).toBe(100_000);
    await harness.executions.idle();
    expect((await queued(id))?.balance).toBe(100_000);
  });

  it('item 12: a debt paid in full closes its open call task', async () => {
    harness.clock.set(new Date('2027-08-01T10:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'called', dueDate: '2027-07-31' });
    // Day 20 is the collector call: a task is left for the collectors (the balance is 127,500 after the late fee).
    await harness.advanceTo('2027-08-20T12:00:00Z');
    const open = async () =>
      (await harness.engine.tasks.listOpen(TENANT, 100)).items.filter((task) => task.delinquencyId === id);
    expect((await open()).map((task) => task.stepId)).toEqual(['collector-call']);
    await recordPayment(deps(), TENANT, 'called', { amount: 127_500, currency: 'NOK', reference: 'bank' });
    await harness.executions.idle();
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect(await open()).toEqual([]);
    const [task] = await harness.engine.tasks.openFor(TENANT, id);
    expect(task).toBeUndefined();
  });

  it('item 17: credits of two disputes decided at once that bring the balance to zero resolve the case at once', async () => {
    harness.clock.set(new Date('2027-09-01T10:00:00Z'));
    const id = await harness.openCase({ invoiceId: 'credits', dueDate: '2027-08-31' });
    await harness.advanceTo('2027-09-01T10:30:00Z');
    const opener = {
      actor: 'api:collector-key',
      person: 'collector-1',
      source: 'api' as const,
      providerDisputeId: null,
      amount: null,
    };
    const first = await openDispute(deps(), TENANT, id, { ...opener, reason: 'part of the delivery was missing' });
    const second = await openDispute(deps(), TENANT, id, { ...opener, reason: 'billed twice for one month' });
    await harness.executions.idle();
    // A decision's last write lands after the execution woken by its credit has parked again (a slow Lambda does this
    // in the cloud): only its timing is changed, every write is the real one.
    const repository = harness.engine.delinquencies;
    const delinquencies = Object.assign(Object.create(repository) as typeof repository, {
      saveWithDispute: async (...args: Parameters<typeof repository.saveWithDispute>) => {
        await harness.executions.idle();
        return repository.saveWithDispute(...args);
      },
    });
    const resolveDeps = {
      ...deps(),
      delinquencies,
      disputeCredits: new DynamoDisputeCreditLedger(harness.table.client, harness.table.tableName),
    };
    const manager = {
      tenantId: TENANT,
      role: 'manager' as const,
      keyId: 'manager-key',
      person: 'manager-1',
      actor: 'api:manager-key',
    };
    await Promise.all([
      resolveDispute(resolveDeps, TENANT, first.dispute.id, { outcome: 'accepted', adjustment: 60_000 }, manager),
      resolveDispute(resolveDeps, TENANT, second.dispute.id, { outcome: 'accepted', adjustment: 65_000 }, manager),
    ]);
    await harness.executions.idle();
    await harness.advanceTo('2027-09-01T11:00:00Z');
    expect((await getDelinquencyView(deps() as never, TENANT, id)).balance).toBe(0);
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect(harness.executions.get(id)!.status).toBe('SUCCEEDED');
  });
});
