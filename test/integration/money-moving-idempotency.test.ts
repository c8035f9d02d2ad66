// Issue 13 item 11: a POST that moves money must carry an Idempotency-Key, so a retried request is never applied twice.
import { createHandler as createPostPayment } from '../../functions/api/post-payment.handler';
import { createHandler as createPostCasePayment } from '../../functions/api/post-case-payment.handler';
import { createHandler as createPostDispute } from '../../functions/api/post-dispute.handler';
import { createHandler as createResolve } from '../../functions/api/resolve-dispute.handler';
import { sha256Hex } from '../../shared/domain/ids';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import { putCustomer } from '../../shared/use-cases/customers';
import { getInvoice, putInvoice } from '../../shared/use-cases/invoices';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { aDelinquency } from '../fixtures/delinquency';

let table: TestTable;
let deps: ApiDependencies;
const clock = fixedClock('2026-12-10T10:00:00Z');
const MANAGER = 'idem-manager-key-0001';

beforeAll(async () => {
  table = await createTestTable();
  deps = table.deps(clock);
  await deps.tenants.putApiKey(sha256Hex(MANAGER), { tenantId: 't1', role: 'manager', keyId: 'key_manager' }, 'now');
  await putCustomer(deps, 't1', 'c1', { name: 'Ada', kind: 'consumer', timeZone: 'Europe/Oslo' });
  await putInvoice(deps, 't1', 'inv1', {
    customerId: 'c1',
    amount: 100_000,
    currency: 'EUR',
    issuedAt: '2026-11-01',
    dueDate: '2026-12-01',
  });
  const now = clock.now().toISOString();
  await deps.delinquencies.open(
    't1',
    aDelinquency({
      id: 'dlq-inv1',
      invoiceId: 'inv1',
      customerId: 'c1',
      stage: 'overdue',
      doneSteps: ['overdue'],
      openedAt: now,
      balance: 100_000,
    }),
    { id: 'tl-open', at: now, kind: 'delinquency.opened', actor: 'schedule', detail: 'opened for the test' },
  );
});
afterAll(() => table.destroy());

type Handler = ReturnType<typeof createPostPayment>;
const post = async (
  handler: Handler,
  routePath: string,
  path: string,
  pathParameters: Record<string, string>,
  body: unknown,
  idempotencyKey?: string,
) => {
  const headers: Record<string, string> = { authorization: `Bearer ${MANAGER}` };
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const response = await asRoute(handler)(
    apiEvent({ method: 'POST', routePath, path, pathParameters, headers, body }),
    context(),
  );
  return {
    status: response.statusCode,
    contentType: response.headers?.['content-type'],
    body: JSON.parse(response.body ?? '{}'),
  };
};
const payment = (idempotencyKey?: string) =>
  post(
    createPostPayment(deps),
    '/v1/invoices/{invoiceId}/payments',
    '/v1/invoices/inv1/payments',
    { invoiceId: 'inv1' },
    { amount: 1_000, currency: 'EUR', reference: 'bank-1' },
    idempotencyKey,
  );
const casePayment = (idempotencyKey?: string) =>
  post(
    createPostCasePayment(deps),
    '/v1/customers/{customerId}/payments',
    '/v1/customers/c1/payments',
    { customerId: 'c1' },
    { amount: 1_000, currency: 'EUR', reference: 'bank-2' },
    idempotencyKey,
  );
const resolve = (disputeId: string, body: unknown, idempotencyKey?: string) =>
  post(
    createResolve(deps),
    '/v1/disputes/{disputeId}/resolve',
    `/v1/disputes/${disputeId}/resolve`,
    { disputeId },
    body,
    idempotencyKey,
  );

const expectHeaderRequired = (answer: Awaited<ReturnType<typeof post>>) => {
  expect(answer.status).toBe(428);
  expect(answer.contentType).toBe('application/problem+json');
  expect(answer.body).toMatchObject({
    status: 428,
    type: 'urn:arrears:problem:idempotency-key-required',
    errors: [{ path: 'header.Idempotency-Key' }],
  });
  expect(answer.body.detail).toContain('Idempotency-Key');
};

describe('item 11: money-moving POSTs require an Idempotency-Key', () => {
  it('item 11: a payment posted twice without an Idempotency-Key answers 428 naming the header and is applied never, not twice', async () => {
    expectHeaderRequired(await payment());
    expectHeaderRequired(await payment());
    expect((await getInvoice(deps, 't1', 'inv1')).paid).toBe(0);
    // With the header, the retry is the same payment.
    expect((await payment('pay-1')).status).toBe(201);
    expect((await payment('pay-1')).status).toBe(201);
    expect((await getInvoice(deps, 't1', 'inv1')).paid).toBe(1_000);
  });

  it('item 11: a case payment without an Idempotency-Key answers 428 and applies nothing', async () => {
    expectHeaderRequired(await casePayment());
    expect((await getInvoice(deps, 't1', 'inv1')).paid).toBe(1_000);
    expect((await casePayment('case-pay-1')).status).toBe(201);
    expect((await getInvoice(deps, 't1', 'inv1')).paid).toBe(2_000);
  });

  it('item 11: a dispute decision with an adjustment needs the header; one without an adjustment does not', async () => {
    const opened = await post(
      createPostDispute(deps),
      '/v1/delinquencies/{delinquencyId}/disputes',
      '/v1/delinquencies/dlq-inv1/disputes',
      { delinquencyId: 'dlq-inv1' },
      { reason: 'wrong meter' },
      'dispute-1',
    );
    expect(opened.status).toBe(201);
    expectHeaderRequired(await resolve(opened.body.id, { outcome: 'accepted', adjustment: 5_000 }));
    expect((await getInvoice(deps, 't1', 'inv1')).paid).toBe(2_000);
    expect((await resolve(opened.body.id, { outcome: 'accepted', adjustment: 5_000 }, 'decide-1')).status).toBe(200);
    expect((await getInvoice(deps, 't1', 'inv1')).balance).toBe(100_000 - 2_000 - 5_000);

    const second = await post(
      createPostDispute(deps),
      '/v1/delinquencies/{delinquencyId}/disputes',
      '/v1/delinquencies/dlq-inv1/disputes',
      { delinquencyId: 'dlq-inv1' },
      { reason: 'again' },
      'dispute-2',
    );
    expect((await resolve(second.body.id, { outcome: 'rejected', note: 'checked' })).status).toBe(200);
  });
});
