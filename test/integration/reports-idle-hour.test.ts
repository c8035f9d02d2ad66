// The hourly run's report part on idle hours: once yesterday is folded (or had nothing to fold), the next hours of the
// day read one checkpoint instead of every report family and shard, and a new fact is still folded the next day.
import { meterCapacity, type CapacityMeter } from '../../shared/adapters/dynamodb/capacity-meter';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { TenantSchema } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice } from '../../shared/use-cases/invoices';
import { snapshotReports } from '../../shared/use-cases/reports';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
let meter: CapacityMeter;
const clock = fixedClock('2026-05-04T10:00:00Z');
const TENANT = { id: 't-idle', timeZone: 'Europe/Oslo' };

/** The run at `iso` (by default in the same container as the runs before it): the days it folded, and its reads. */
const runAt = async (iso: string, run: Pick<ApiDependencies, 'clock' | 'reports'> = deps) => {
  clock.set(iso);
  // The counters follow the writes from the table's stream: counted before the run folds the day.
  await table.drainReportStream();
  meter.reset();
  const folded = await snapshotReports(run, TENANT);
  const { calls } = meter.totals();
  return { folded, queries: calls.QueryCommand ?? 0, reads: (calls.QueryCommand ?? 0) + (calls.GetItemCommand ?? 0) };
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  meter = meterCapacity(table.client);
  await deps.tenants.putTenant(
    TenantSchema.parse({
      id: TENANT.id,
      name: 'Idle',
      sendTime: '09:00',
      promiseGraceDays: 2,
      timeZone: TENANT.timeZone,
      createdAt: 'now',
    }),
  );
  await putCustomer(deps, TENANT.id, 'acme', { name: 'Acme', kind: 'business', timeZone: 'Europe/Oslo' });
  await putInvoice(deps, TENANT.id, 'inv-1', {
    customerId: 'acme',
    amount: 10_000,
    currency: 'NOK',
    issuedAt: '2026-05-04',
    dueDate: '2026-06-04',
  });
});
afterAll(() => table.destroy());

describe('report snapshots on idle hours', () => {
  it("folds yesterday once, then makes no report queries for the rest of the day's hours", async () => {
    const first = await runAt('2026-05-05T02:00:00Z');
    expect(first.folded).toEqual(['2026-05-04']);
    for (const hour of ['03', '09', '21']) {
      expect(await runAt(`2026-05-05T${hour}:00:00Z`)).toEqual({ folded: [], queries: 0, reads: 0 });
    }
    // Another container (a cold start) reads the day's checkpoint once, and queries nothing either.
    const cold = table.deps(clock);
    expect(await runAt('2026-05-05T21:30:00Z', cold)).toEqual({ folded: [], queries: 0, reads: 1 });
    expect(await runAt('2026-05-05T21:50:00Z', cold)).toEqual({ folded: [], queries: 0, reads: 0 });
  });

  it('looks once at a day with no changes, then not again that day; a later fact is folded on its next day', async () => {
    // 5 May had no facts: the first run of the 6th finds nothing to fold and records it.
    const idle = await runAt('2026-05-06T02:00:00Z');
    expect(idle.folded).toEqual([]);
    expect(idle.queries).toBeGreaterThan(0);
    expect(await runAt('2026-05-06T05:00:00Z')).toEqual({ folded: [], queries: 0, reads: 0 });
    await putInvoice(deps, TENANT.id, 'inv-2', {
      customerId: 'acme',
      amount: 5_000,
      currency: 'NOK',
      issuedAt: '2026-05-06',
      dueDate: '2026-06-06',
    });
    expect((await runAt('2026-05-07T02:00:00Z')).folded).toEqual(['2026-05-06']);
  });
});
