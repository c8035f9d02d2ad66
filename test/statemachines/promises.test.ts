// Promises to pay on the synthesized state machine: the pause, the reminder the day before, kept / partly kept / broken.
import { ConflictError, ValidationError } from '../../shared/errors/errors';
import { recordPayment } from '../../shared/use-cases/invoices';
import { makePromise } from '../../shared/use-cases/promises';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2026-12-01T23:30:00Z');
});
afterAll(() => harness.stop());

const deps = () => ({ ...harness.engine, clock: harness.clock });
const sent = (delinquencyId: string) =>
  harness.outbox
    .list()
    .filter((message) => message.delinquencyId === delinquencyId)
    .map(
      (message) =>
        `${message.step.startsWith('promise-reminder-') ? 'promise-reminder' : message.step}@${message.sentAt.slice(0, 16)}`,
    );
const promisesOf = (delinquencyId: string) => harness.engine.delinquencies.promises(TENANT, delinquencyId);
const pay = (invoiceId: string, amount: number) =>
  recordPayment(deps(), TENANT, invoiceId, { amount, currency: 'NOK', reference: 'bank' });
/** Promises wake the execution: let it re-plan at this moment before the clock moves on. */
const promise = async (delinquencyId: string, amount: number, date: string) => {
  const made = await makePromise(deps(), TENANT, delinquencyId, { amount, date }, 'api:test');
  await harness.executions.idle();
  return made;
};

describe('promises to pay', () => {
  it('pauses the ladder, reminds the day before, and ends with the thank-you when kept in full', async () => {
    const id = await harness.openCase({ invoiceId: 'kept', dueDate: '2026-12-01' });
    await harness.advanceTo('2026-12-02T12:00:00Z');
    const made = await promise(id, 125_000, '2026-12-10');
    expect(made).toMatchObject({ status: 'open', holdsUntil: '2026-12-12', paidBefore: 0 });
    await harness.advanceTo('2026-12-09T12:00:00Z');
    // No SMS on 5 December: the promise holds; the reminder goes out on 9 December at 09:00 Oslo time.
    expect(sent(id)).toEqual(['overdue@2026-12-02T08:00', 'promise-reminder@2026-12-09T08:00']);
    await pay('kept', 125_000);
    await harness.executions.idle();
    expect((await promisesOf(id))[0]).toMatchObject({ status: 'kept', paidTowards: 125_000 });
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect(sent(id).map((step) => step.split('@')[0])).toEqual(['overdue', 'promise-reminder', 'receipt']);
  });

  it('resumes the ladder from the facts the morning after a broken promise, with one catch-up message', async () => {
    harness.clock.set(new Date('2027-01-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'broken', dueDate: '2027-01-01' });
    await harness.advanceTo('2027-01-02T12:00:00Z');
    await promise(id, 125_000, '2027-01-05');
    await harness.advanceTo('2027-01-09T12:00:00Z');
    expect((await promisesOf(id))[0]).toMatchObject({ status: 'broken', paidTowards: 0 });
    // Held through 7 January (2 grace days); decided at midnight, the SMS step due since 5 January goes at the tenant's
    // send time, 09:00 Oslo (issue 13, item 16: not at the window's opening).
    expect(sent(id)).toEqual([
      'overdue@2027-01-02T08:00',
      'promise-reminder@2027-01-04T08:00',
      'overdue-sms@2027-01-08T08:00',
    ]);
    const timeline = await harness.engine.delinquencies.timeline(TENANT, id);
    expect(timeline.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['promise.made', 'promise.broken']));
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('active');
  });

  it('counts a promise paid in part as partly kept, and the ladder goes on for the rest', async () => {
    harness.clock.set(new Date('2027-02-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'partial', dueDate: '2027-02-01' });
    await harness.advanceTo('2027-02-02T12:00:00Z');
    await promise(id, 100_000, '2027-02-06');
    await harness.advanceTo('2027-02-05T12:00:00Z');
    await pay('partial', 40_000);
    await harness.advanceTo('2027-02-12T12:00:00Z');
    expect((await promisesOf(id))[0]).toMatchObject({ status: 'partially_kept', paidTowards: 40_000 });
    // Decided on 9 February: the SMS step that fell due in the pause goes that morning, then the ladder runs on.
    expect(sent(id).map((step) => step.split('@')[0])).toEqual([
      'overdue',
      'promise-reminder',
      'overdue-sms',
      'second-reminder',
    ]);
  });

  it('refuses a promise above the balance, in the past, or while another is open, and records nothing', async () => {
    harness.clock.set(new Date('2027-03-01T23:30:00Z'));
    const id = await harness.openCase({ invoiceId: 'refused', dueDate: '2027-03-01' });
    await harness.advanceTo('2027-03-02T12:00:00Z');
    const refused = makePromise(deps(), TENANT, id, { amount: 125_001, date: '2027-02-01' }, 'api:test');
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ issues: [{ path: 'amount' }, { path: 'date' }] });
    expect(await promisesOf(id)).toEqual([]);
    await promise(id, 1_000, '2027-03-10');
    await expect(
      makePromise(deps(), TENANT, id, { amount: 1_000, date: '2027-03-11' }, 'api:test'),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await promisesOf(id)).toHaveLength(1);
  });
});
