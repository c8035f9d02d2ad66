// `npm start` checks every function's AWS calls against its synthesized role: partner calls pass, nothing is refused,
// and no call escapes the check by running outside a function.
import { call, uniqueId } from './client';

describe('IAM on the local runtime', () => {
  it('serves a partner under the synthesized roles with nothing refused and every AWS call made by a function', async () => {
    const customerId = uniqueId('iam');
    expect(
      (
        await call('PUT', `/v1/customers/${customerId}`, {
          body: { name: 'Ada Lovelace', kind: 'consumer', email: 'ada@example.com', timeZone: 'Europe/London' },
        })
      ).status,
    ).toBe(201);
    const invoice = { customerId, amount: 12_000, currency: 'GBP', issuedAt: '2026-11-01', dueDate: '2026-11-20' };
    expect((await call('PUT', `/v1/invoices/${customerId}-1`, { body: invoice })).status).toBe(201);
    const payment = await call('POST', `/v1/invoices/${customerId}-1/payments`, {
      body: { amount: 2_000, currency: 'GBP', reference: 'bank-1' },
      headers: { 'idempotency-key': `${customerId}-pay` },
    });
    expect(payment.status).toBe(201);
    expect((await call('GET', `/v1/invoices/${customerId}-1`)).body.balance).toBe(10_000);
    expect((await call('GET', '/v1/delinquencies?limit=5')).status).toBe(200);

    const iam = (await call('GET', '/local/iam', { key: null })).body;
    expect(iam.enabled).toBe(true);
    expect(iam.denials).toEqual([]);
    expect(iam.unattributedCalls).toBe(0);
  });
});
