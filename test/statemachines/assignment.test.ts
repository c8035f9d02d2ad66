// Collectors' loads follow their debts through the synthesized state machine: assigned when a debt opens, released
// (and counted as a result) when it is paid, and rescored as the facts change.
import { recordPayment } from '../../shared/use-cases/invoices';
import { createHarness, TENANT, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness('2026-12-01T23:30:00Z');
  await harness.engine.collectors.put(
    TENANT,
    'ingrid',
    { name: 'Ingrid', capacity: 2, active: true },
    '2026-12-01T23:30:00Z',
  );
});
afterAll(() => harness.stop());

describe('assignment over a lifecycle', () => {
  it('counts a debt against its collector while open, and as a result when paid', async () => {
    const id = await harness.openCase({ invoiceId: 'assigned-1', dueDate: '2026-12-01' });
    const opened = (await harness.engine.delinquencies.get(TENANT, id))!;
    expect(opened).toMatchObject({ assigneeId: 'ingrid', score: { band: expect.any(String) }, balance: 125_000 });
    expect((await harness.engine.collectors.get(TENANT, 'ingrid'))!).toMatchObject({
      openCount: 1,
      results: { '2026-12#assigned': 1 },
    });
    await harness.advanceTo('2026-12-12T12:00:00Z');
    const later = (await harness.engine.delinquencies.get(TENANT, id))!;
    // Rescored at its last pass (the second reminder, 10 days past due): lower than when it opened.
    expect(later.score!.value).toBeLessThan(opened.score!.value);
    expect(later.score!.inputs[0]).toBe(10);
    await recordPayment({ ...harness.engine, clock: harness.clock }, TENANT, 'assigned-1', {
      amount: 125_000,
      currency: 'NOK',
      reference: 'bank',
    });
    await harness.executions.idle();
    expect((await harness.engine.delinquencies.get(TENANT, id))!.status).toBe('resolved');
    expect((await harness.engine.collectors.get(TENANT, 'ingrid'))!).toMatchObject({
      openCount: 0,
      results: { '2026-12#assigned': 1, '2026-12#resolved': 1 },
    });
  });
});
