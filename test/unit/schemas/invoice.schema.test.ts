// What a partner may send as an invoice or payment: integer minor units, real dates, real currencies.
import { PostPaymentBodySchema, PutInvoiceBodySchema } from '../../../shared/schemas/invoice.schema';
import { zodIssues } from '../../../shared/errors/problem';

const invoice = { customerId: 'cus_1', amount: 12_500, currency: 'EUR', issuedAt: '2026-11-01', dueDate: '2026-12-01' };

const issues = (schema: typeof PutInvoiceBodySchema | typeof PostPaymentBodySchema, body: unknown) => {
  const result = schema.safeParse(body);
  return result.success ? [] : zodIssues(result.error);
};

describe('PutInvoiceBodySchema', () => {
  it('accepts an invoice', () => {
    expect(PutInvoiceBodySchema.parse(invoice)).toEqual(invoice);
  });

  it.each([
    ['a fraction', 125.5, 'must be an integer count of minor units (cents), not a decimal'],
    ['zero', 0, 'must be greater than zero'],
    ['a negative amount', -100, 'must be greater than zero'],
    ['a string', '12500', 'must be a number: an integer count of minor units (cents)'],
    ['more than the safe maximum', 2e15, 'must be at most 1000000000000000'],
  ])('refuses %s as amount', (_label, amount, message) => {
    expect(issues(PutInvoiceBodySchema, { ...invoice, amount })).toEqual([{ path: 'amount', message }]);
  });

  it.each(['eur', 'EURO', 'ABC', 'E'])('refuses %p as currency', (currency) => {
    expect(issues(PutInvoiceBodySchema, { ...invoice, currency }).map((issue) => issue.path)).toEqual(['currency']);
  });

  it('refuses a due date before the issue date', () => {
    expect(issues(PutInvoiceBodySchema, { ...invoice, dueDate: '2026-10-01' })).toEqual([
      { path: 'dueDate', message: 'must not be before issuedAt' },
    ]);
  });

  it('refuses impossible dates', () => {
    expect(issues(PutInvoiceBodySchema, { ...invoice, issuedAt: '2026-02-30' }).map((issue) => issue.path)).toEqual([
      'issuedAt',
    ]);
  });

  it('refuses an id that could break out of a storage key', () => {
    expect(issues(PutInvoiceBodySchema, { ...invoice, customerId: 'a#b' }).map((issue) => issue.path)).toEqual([
      'customerId',
    ]);
  });
});

describe('PostPaymentBodySchema', () => {
  it('normalises paidAt to UTC', () => {
    const body = PostPaymentBodySchema.parse({
      amount: 100,
      currency: 'NOK',
      reference: 'bank-1',
      paidAt: '2026-12-01T10:00:00+01:00',
    });
    expect(body.paidAt).toBe('2026-12-01T09:00:00.000Z');
  });

  it('requires a reference', () => {
    expect(issues(PostPaymentBodySchema, { amount: 100, currency: 'NOK' }).map((issue) => issue.path)).toEqual([
      'reference',
    ]);
  });

  it('refuses a paidAt without an offset', () => {
    expect(
      issues(PostPaymentBodySchema, {
        amount: 100,
        currency: 'NOK',
        reference: 'r',
        paidAt: '2026-12-01T10:00:00',
      }).map((issue) => issue.path),
    ).toEqual(['paidAt']);
  });
});
