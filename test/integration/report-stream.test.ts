// The report counters follow invoice writes from the table's stream, which delivers at least once: a payment is in the
// reports once its records are consumed, and the same records delivered again (a retried batch, a reader started over)
// count nothing twice.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createHandler as createKpis } from '../../functions/api/get-kpi-report.handler';
import { createHandler as createReportLedger } from '../../functions/streams/report-ledger.handler';
import { tableStreamArn } from '../../local/create-table';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb-local';
import { LocalTableStream } from '../../local/table-stream';
import { DynamoReportStream } from '../../shared/adapters/dynamodb/report-stream.dynamodb';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { TenantSchema } from '../../shared/schemas/tenant.schema';
import { putCustomer } from '../../shared/use-cases/customers';
import { putInvoice, recordPayment } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-04-10T10:00:00Z');
const KEY = 'stream-key-0000001';
const TENANT = 't-stream';

const kpis = async () => {
  const event = apiEvent({
    method: 'GET',
    routePath: '/v1/reports/kpis',
    path: '/v1/reports/kpis',
    headers: { authorization: `Bearer ${KEY}` },
  });
  event.queryStringParameters = { from: '2026-04-01', to: '2026-04-10' };
  const response = await asRoute(createKpis(deps))(event, context());
  return JSON.parse(response.body ?? '{}').currencies.EUR as { collected: number; creditSales: number };
};

/** A second reader of the same stream from its start: every record delivered again, to the same function. */
const redeliverEverything = async () => {
  const config = {
    endpoint: process.env.ARREARS_TEST_DYNAMODB_ENDPOINT!,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  };
  const raw = new DynamoDBClient(config);
  const streams = table.iam.instrument(new DynamoDBStreamsClient(config));
  try {
    await new LocalTableStream({
      client: streams,
      streamArn: await tableStreamArn(raw, table.tableName),
      functionId: 'ReportLedger',
      handler: createReportLedger({ reportStream: new DynamoReportStream(table.client, table.tableName) }),
      onError: (error) => {
        throw error;
      },
    }).drain();
  } finally {
    raw.destroy();
    streams.destroy();
  }
};

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(KEY), { tenantId: TENANT, role: 'manager', keyId: 'k1' }, 'now');
  await deps.tenants.putTenant(
    TenantSchema.parse({
      id: TENANT,
      name: 'Stream',
      sendTime: '09:00',
      promiseGraceDays: 2,
      timeZone: 'Europe/Oslo',
      createdAt: 'now',
    }),
  );
  await putCustomer(deps, TENANT, 'acme', { name: 'Acme', kind: 'business', timeZone: 'Europe/Oslo' });
  await putInvoice(deps, TENANT, 'inv-1', {
    customerId: 'acme',
    amount: 10_000,
    currency: 'EUR',
    issuedAt: '2026-04-02',
    dueDate: '2026-05-02',
  });
});
afterAll(() => table.destroy());

describe('report counters from the table stream', () => {
  it('counts a payment once its records are consumed, and once only when they are delivered again', async () => {
    await recordPayment(deps, TENANT, 'inv-1', { amount: 4_000, currency: 'EUR', reference: 'bank-1' });
    await table.drainReportStream();
    expect(await kpis()).toMatchObject({ collected: 4_000, creditSales: 10_000 });
    await redeliverEverything();
    expect(await kpis()).toMatchObject({ collected: 4_000, creditSales: 10_000 });
    expect(table.iam.denials).toEqual([]);
  });
});
