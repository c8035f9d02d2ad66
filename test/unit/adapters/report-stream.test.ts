// Which stream records the report counters follow: an invoice write that stored its own fact, read back with the
// invoice before and after it; writes that set no fact (opening a delinquency, the run's start mark) count nothing.
import { countedWriteOf } from '../../../shared/adapters/dynamodb/report-stream.dynamodb';

const dims = { segment: 'smb', country: 'NO', collector: 'unassigned' };
const invoice = (version: number, paidTotal: number, fact?: Record<string, unknown>) => ({
  pk: 'TENANT#t1#INVOICE#inv-1',
  sk: 'INVOICE',
  type: 'Invoice',
  id: 'inv-1',
  customerId: 'kari',
  delinquencyId: null,
  amount: 10_000,
  currency: 'EUR',
  issuedAt: '2026-03-01',
  dueDate: '2026-03-31',
  paidTotal,
  feesTotal: 0,
  voided: false,
  writtenOff: false,
  version,
  reportDims: dims,
  ...(fact ? { reportFact: fact } : {}),
});
const payment = (version: number) => ({
  kind: 'payment',
  applied: 4_000,
  adjustment: false,
  tenantId: 't1',
  at: '2026-04-02T10:00:00.000Z',
  version,
});

describe('countedWriteOf', () => {
  it('reads a payment: the invoice before and after, and what moved', () => {
    expect(countedWriteOf('seq-2', invoice(1, 0), invoice(2, 4_000, payment(2)))).toEqual({
      recordId: 'seq-2',
      tenantId: 't1',
      invoiceId: 'inv-1',
      version: 2,
      at: '2026-04-02T10:00:00.000Z',
      before: { invoice: expect.objectContaining({ paidTotal: 0 }), dims },
      after: { invoice: expect.objectContaining({ paidTotal: 4_000 }), dims },
      fact: { kind: 'payment', applied: 4_000, adjustment: false },
    });
  });

  it('reads a new invoice as counted for the first time (no invoice before)', () => {
    const created = countedWriteOf(
      'seq-1',
      undefined,
      invoice(1, 0, { kind: 'replace', tenantId: 't1', at: 'x', version: 1 }),
    );
    expect(created).toMatchObject({ version: 1, before: null, fact: { kind: 'replace' } });
  });

  it('skips a later write that set no fact of its own, and one that did not change the version', () => {
    // Opening a delinquency moves the version and keeps the payment's fact: counting it would count the payment twice.
    expect(countedWriteOf('seq-3', invoice(2, 4_000, payment(2)), invoice(3, 4_000, payment(2)))).toBeNull();
    // The run's start mark leaves the version as it was.
    expect(countedWriteOf('seq-4', invoice(2, 4_000, payment(2)), invoice(2, 4_000, payment(2)))).toBeNull();
  });

  it('skips other items, deletions and invoices written before counters existed', () => {
    expect(countedWriteOf('s', undefined, { ...invoice(1, 0, payment(1)), type: 'Payment' })).toBeNull();
    expect(countedWriteOf('s', invoice(1, 0, payment(1)), undefined)).toBeNull();
    expect(countedWriteOf('s', undefined, invoice(1, 0))).toBeNull();
  });
});
