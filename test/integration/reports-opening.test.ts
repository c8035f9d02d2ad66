// The opening receivables of a KPI period when the books were imported in the middle of it: invoices issued before the
// period count at the start whenever they were imported, so CEI and DSO describe the period, not the import.
import { createHandler as createKpis } from '../../functions/api/get-kpi-report.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { TenantSchema } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { snapshotReports } from '../../shared/use-cases/reports';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2025-12-01T10:00:00Z');
const KEY = 'reports-opening-key-01';
const TENANT = { id: 't-open', timeZone: 'Europe/Oslo' };

const kpis = async (query: Record<string, string>) => {
  const event = apiEvent({
    method: 'GET',
    routePath: '/v1/reports/kpis',
    path: '/v1/reports/kpis',
    headers: { authorization: `Bearer ${KEY}` },
  });
  event.queryStringParameters = query;
  const response = await asRoute(createKpis(deps))(event, context());
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};

const invoice = (id: string, amount: number, issuedAt: string, dueDate: string) =>
  putInvoice(deps, TENANT.id, id, { customerId: 'acme', amount, currency: 'NOK', issuedAt, dueDate });

/** The hourly run of the morning after `day` (tenant-local), folding the closed days into snapshots. */
const nightRun = async (day: string) => {
  clock.set(`${day}T23:30:00Z`);
  // The counters follow the writes from the table's stream: counted before the run folds the day.
  await table.drainReportStream();
  await snapshotReports(deps, TENANT);
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(KEY), { tenantId: TENANT.id, role: 'manager', keyId: 'k1' }, 'now');
  await deps.tenants.putTenant(
    TenantSchema.parse({
      id: TENANT.id,
      name: 'Opening',
      sendTime: '09:00',
      promiseGraceDays: 2,
      timeZone: TENANT.timeZone,
      createdAt: 'now',
    }),
  );
  await putCustomer(deps, TENANT.id, 'acme', {
    name: 'Acme',
    kind: 'business',
    timeZone: 'Europe/Oslo',
    segment: 'smb',
    country: 'NO',
  });
  // The period: 2026-01-01 to 2026-03-20, 79 days. The books are imported on its 40th day, 2026-02-09.
  clock.set('2026-02-09T10:00:00Z');
  await invoice('old-1', 50_000, '2025-11-15', '2025-12-15');
  await invoice('old-2', 30_000, '2025-12-10', '2026-01-09');
  await invoice('jan-1', 20_000, '2026-01-15', '2026-02-14');
  await nightRun('2026-02-09');
  // After the import: the oldest invoice is paid in full; one new sale falls due five days before the period's end.
  clock.set('2026-02-19T10:00:00Z');
  await recordPayment(deps, TENANT.id, 'old-1', { amount: 50_000, currency: 'NOK', reference: 'bank-1' });
  await nightRun('2026-02-19');
  clock.set('2026-03-01T10:00:00Z');
  await invoice('mar-1', 10_000, '2026-03-01', '2026-03-15');
  await nightRun('2026-03-21');
});
afterAll(() => table.destroy());

describe('KPIs over a period that starts before the books were imported', () => {
  it('item 15: a period that starts before the import keeps CEI within 0-100 % and answers DSO', async () => {
    const answer = await kpis({ from: '2026-01-01', to: '2026-03-20' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ days: 79, months: 3 });
    const nok = answer.body.currencies.NOK;
    // Open at the start: the two invoices issued before 1 January, as they stood when imported.
    expect(nok.receivables).toEqual({ beginning: 80_000, ending: 60_000, endingCurrent: 0, endingPastDue: 60_000 });
    expect(nok.creditSales).toBe(30_000);
    expect(nok.collected).toBe(50_000);
    // CRF: (80,000 + 30,000 ÷ 3 − 60,000) ÷ (80,000 + 30,000 ÷ 3 − 0) = 30,000 ÷ 90,000. Counting nothing at the
    // start it was (0 + 10,000 − 60,000) ÷ (0 + 10,000) = −500 %.
    expect(nok.cei).toBe(33.3);
    expect(nok.cei).toBeGreaterThanOrEqual(0);
    expect(nok.cei).toBeLessThanOrEqual(100);
    // Count-back from 60,000: March's 10,000 covers 20 days, February none of its 28, January's 20,000 its 31, and
    // December's 30,000 the rest of its 31 days.
    expect(nok.dso).toBe(20 + 28 + 31 + 31);
    // The same period by segment: the group adds up to the same figures.
    const bySegment = (await kpis({ from: '2026-01-01', to: '2026-03-20', by: 'segment' })).body;
    expect(bySegment.groups.smb.currencies.NOK).toMatchObject({ cei: 33.3, receivables: { beginning: 80_000 } });
  });

  it('a period that starts after the import counts its opening balance once', async () => {
    const nok = (await kpis({ from: '2026-02-20', to: '2026-03-20' })).body.currencies.NOK;
    // At the close of 19 February: old-2 and jan-1 are owed, old-1 was paid.
    expect(nok.receivables.beginning).toBe(50_000);
    expect(nok.cei).toBe(0);
  });
});
