// The report counters a fact adds: levels re-derived from the invoice (never drifting), flows of money, dimension moves.
import {
  addCells,
  dimensionMoveCells,
  invoiceCellChanges,
  invoiceLevels,
  promiseFlows,
  pruneMetrics,
  reportDims,
  type Cell,
  type InvoiceFact,
  type InvoiceStanding,
  type ReportDims,
  type ReportState,
} from '../../../shared/domain/report-ledger';
import { agingFigures, familyMetrics, kpiFiguresOf } from '../../../shared/domain/report-figures';

const invoice = (overrides: Partial<InvoiceStanding> = {}): InvoiceStanding => ({
  amount: 10_000,
  currency: 'EUR',
  issuedAt: '2025-01-10',
  dueDate: '2025-02-09',
  voided: false,
  writtenOff: false,
  paidTotal: 0,
  feesTotal: 0,
  ...overrides,
});

const dims: ReportDims = reportDims({ segment: 'smb', country: 'NO' }, 'kari');

const total = (cells: Cell[]) => cells.find((cell) => cell.family === 'total')!.metrics;

describe('the levels an invoice contributes', () => {
  it('an open invoice: its balance and a count at its due date, its amount as a sale on its issue date', () => {
    expect(invoiceLevels(invoice({ feesTotal: 500, paidTotal: 3_000 }))).toEqual({
      'o:2025-02-09': 7_500,
      'n:2025-02-09': 1,
      's:2025-01-10': 10_000,
    });
  });

  it('a settled one counts as settled; a written-off one only as a sale; a void one not at all', () => {
    expect(invoiceLevels(invoice({ paidTotal: 10_000 }))).toEqual({ 'p:2025-02-09': 1, 's:2025-01-10': 10_000 });
    expect(invoiceLevels(invoice({ writtenOff: true }))).toEqual({ 's:2025-01-10': 10_000 });
    expect(invoiceLevels(invoice({ voided: true }))).toEqual({});
  });
});

describe('the counters of one write', () => {
  const pay = (before: InvoiceStanding, applied: number, day: string, adjustment = false) =>
    invoiceCellChanges({
      before: { invoice: before, dims },
      after: { invoice: { ...before, paidTotal: before.paidTotal + applied }, dims },
      fact: { kind: 'payment', applied, adjustment },
      day,
    });

  it('a new invoice counts in every family: total, its segment, its country and its collector', () => {
    const cells = invoiceCellChanges({
      before: null,
      after: { invoice: invoice(), dims },
      fact: { kind: 'replace' },
      day: '2025-01-10',
    });
    expect(cells.map((cell) => [cell.family, cell.value, cell.currency])).toEqual([
      ['total', '*', 'EUR'],
      ['segment', 'smb', 'EUR'],
      ['country', 'NO', 'EUR'],
      ['collector', 'kari', 'EUR'],
    ]);
    // The import counter remembers, by issue date, what the invoice was owed with when it was first counted.
    expect(total(cells)).toEqual({
      'o:2025-02-09': 10_000,
      'n:2025-02-09': 1,
      's:2025-01-10': 10_000,
      'i:2025-01-10': 10_000,
    });
  });

  it('item 15: only the first write of an invoice books its import counter, with the balance it was imported with', () => {
    const imported = invoiceCellChanges({
      before: null,
      after: { invoice: invoice({ paidTotal: 2_500 }), dims },
      fact: { kind: 'replace' },
      day: '2025-03-20',
    });
    expect(total(imported)['i:2025-01-10']).toBe(7_500);
    const paidOnImport = invoiceCellChanges({
      before: null,
      after: { invoice: invoice({ paidTotal: 10_000 }), dims },
      fact: { kind: 'replace' },
      day: '2025-03-20',
    });
    expect(Object.keys(total(paidOnImport)).filter((name) => name.startsWith('i:'))).toEqual([]);
    expect(Object.keys(total(pay(invoice(), 4_000, '2025-03-21'))).filter((name) => name.startsWith('i:'))).toEqual([]);
  });

  it('a payment before the due date lowers the open balance and counts as collected, not as past-due collected', () => {
    expect(total(pay(invoice(), 4_000, '2025-02-09'))).toEqual({ 'o:2025-02-09': -4_000, collected: 4_000 });
  });

  it('a payment after it that settles the invoice also counts past-due money collected and a settled invoice', () => {
    expect(total(pay(invoice({ paidTotal: 4_000 }), 6_000, '2025-02-10'))).toEqual({
      'o:2025-02-09': -6_000,
      'n:2025-02-09': -1,
      'p:2025-02-09': 1,
      collected: 6_000,
      pdCollected: 6_000,
    });
  });

  it('a dispute credit is credited, not collected, and leaves past-due money without a payment', () => {
    expect(total(pay(invoice(), 2_500, '2025-03-01', true))).toEqual({
      'o:2025-02-09': -2_500,
      credited: 2_500,
      pdRemoved: 2_500,
    });
  });

  it('a refund of a settled invoice reopens it and takes the collection back', () => {
    const settled = invoice({ paidTotal: 10_000 });
    const cells = invoiceCellChanges({
      before: { invoice: settled, dims },
      after: { invoice: { ...settled, paidTotal: 7_000 }, dims },
      fact: { kind: 'refund', reversedApplied: 3_000 },
      day: '2025-03-01',
    });
    expect(total(cells)).toEqual({
      'o:2025-02-09': 3_000,
      'n:2025-02-09': 1,
      'p:2025-02-09': -1,
      collected: -3_000,
      pdCollected: -3_000,
    });
  });

  it('voiding and writing off remove what was owed, counted as past-due money removed once overdue', () => {
    const replace: InvoiceFact = { kind: 'replace' };
    const voided = invoiceCellChanges({
      before: { invoice: invoice({ paidTotal: 1_000 }), dims },
      after: { invoice: invoice({ paidTotal: 1_000, voided: true }), dims },
      fact: replace,
      day: '2025-02-01',
    });
    expect(total(voided)).toEqual({
      'o:2025-02-09': -9_000,
      'n:2025-02-09': -1,
      's:2025-01-10': -10_000,
      voided: 9_000,
    });
    const writtenOff = invoiceCellChanges({
      before: { invoice: invoice(), dims },
      after: { invoice: invoice({ writtenOff: true }), dims },
      fact: replace,
      day: '2025-06-01',
    });
    expect(total(writtenOff)).toEqual({
      'o:2025-02-09': -10_000,
      'n:2025-02-09': -1,
      writtenOff: 10_000,
      pdRemoved: 10_000,
    });
  });

  it('replacing an invoice with a new amount and due date moves its levels; the same write again changes nothing', () => {
    const before = invoice();
    const after = invoice({ amount: 12_000, dueDate: '2025-02-20' });
    expect(
      total(
        invoiceCellChanges({
          before: { invoice: before, dims },
          after: { invoice: after, dims },
          fact: { kind: 'replace' },
          day: '2025-01-11',
        }),
      ),
    ).toEqual({
      'o:2025-02-09': -10_000,
      'n:2025-02-09': -1,
      'o:2025-02-20': 12_000,
      'n:2025-02-20': 1,
      's:2025-01-10': 2_000,
    });
    expect(
      invoiceCellChanges({
        before: { invoice: after, dims },
        after: { invoice: after, dims },
        fact: { kind: 'replace' },
        day: '2025-01-11',
      }),
    ).toEqual([]);
  });

  it('an invoice imported already past due is owed money, not money removed', () => {
    const cells = invoiceCellChanges({
      before: null,
      after: { invoice: invoice(), dims },
      fact: { kind: 'replace' },
      day: '2025-03-01',
    });
    expect(total(cells)).toEqual({
      'o:2025-02-09': 10_000,
      'n:2025-02-09': 1,
      's:2025-01-10': 10_000,
      'i:2025-01-10': 10_000,
    });
    const raised = invoiceCellChanges({
      before: { invoice: invoice(), dims },
      after: { invoice: invoice({ amount: 12_000 }), dims },
      fact: { kind: 'replace' },
      day: '2025-03-01',
    });
    expect(total(raised).pdRemoved).toBeUndefined();
  });

  it('a fee adds to the open balance and counts as charged', () => {
    const cells = invoiceCellChanges({
      before: { invoice: invoice(), dims },
      after: { invoice: invoice({ feesTotal: 4_000 }), dims },
      fact: { kind: 'charge', amount: 4_000 },
      day: '2025-02-20',
    });
    expect(total(cells)).toEqual({ 'o:2025-02-09': 4_000, charged: 4_000 });
  });

  it('a reassignment moves only the collector family, and the family totals stay the same', () => {
    const moved = dimensionMoveCells(invoice({ paidTotal: 1_000 }), dims, { ...dims, collector: 'ola' });
    expect(moved.map((cell) => [cell.family, cell.value, cell.metrics['o:2025-02-09']])).toEqual([
      ['collector', 'kari', -9_000],
      ['collector', 'ola', 9_000],
    ]);
  });
});

describe('facts in, aging out', () => {
  it('replays the life of two invoices and ages what is left exactly, per currency and per collector', () => {
    const state: ReportState = new Map();
    const apply = (cells: Cell[]) => addCells(state, cells);
    const a = invoice();
    const b = invoice({ amount: 50_000, currency: 'NOK', dueDate: '2025-03-20' });
    apply(
      invoiceCellChanges({ before: null, after: { invoice: a, dims }, fact: { kind: 'replace' }, day: '2025-01-10' }),
    );
    apply(
      invoiceCellChanges({ before: null, after: { invoice: b, dims }, fact: { kind: 'replace' }, day: '2025-01-10' }),
    );
    const paid = { ...a, paidTotal: 2_500 };
    apply(
      invoiceCellChanges({
        before: { invoice: a, dims },
        after: { invoice: paid, dims },
        fact: { kind: 'payment', applied: 2_500, adjustment: false },
        day: '2025-02-15',
      }),
    );
    apply(dimensionMoveCells(paid, dims, { ...dims, collector: 'ola' }));
    const aging = agingFigures(state, 'total', '2025-03-31');
    expect(Object.fromEntries(aging.get('*')!)).toEqual({
      EUR: { current: 0, '1-30': 0, '31-60': 7_500, '61-90': 0, '91+': 0, total: 7_500 },
      NOK: { current: 0, '1-30': 50_000, '31-60': 0, '61-90': 0, '91+': 0, total: 50_000 },
    });
    const byCollector = agingFigures(state, 'collector', '2025-03-31');
    expect([...byCollector.keys()]).toEqual(['kari', 'ola']);
    expect(byCollector.get('ola')!.get('EUR')!.total).toBe(7_500);
    expect(byCollector.get('kari')!.has('EUR')).toBe(false);
  });

  it('counts an invoice imported already past due in what there was to recover', () => {
    const state: ReportState = new Map();
    const imported = invoice({ dueDate: '2025-02-20', issuedAt: '2025-01-20' });
    addCells(
      state,
      invoiceCellChanges({
        before: null,
        after: { invoice: imported, dims },
        fact: { kind: 'replace' },
        day: '2025-03-01',
      }),
    );
    const paid = { ...imported, paidTotal: 2_500 };
    addCells(
      state,
      invoiceCellChanges({
        before: { invoice: imported, dims },
        after: { invoice: paid, dims },
        fact: { kind: 'payment', applied: 2_500, adjustment: false },
        day: '2025-03-02',
      }),
    );
    const march = kpiFiguresOf(undefined, familyMetrics(state, 'total').get('*')!.get('EUR'), {
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(march.recoveryRate).toBe(25);
    expect(march.collected).toBe(2_500);
  });
});

describe('promise decisions and snapshots', () => {
  it('counts kept, partly kept and broken promises, each paid amount capped at its promise; cancelled ones not at all', () => {
    expect(promiseFlows({ status: 'kept', amount: 5_000, paidTowards: 6_000 })).toEqual({
      ptpDecided: 1,
      ptpKept: 1,
      ptpPromised: 5_000,
      ptpPaid: 5_000,
    });
    expect(promiseFlows({ status: 'partially_kept', amount: 5_000, paidTowards: 2_000 })).toEqual({
      ptpDecided: 1,
      ptpPromised: 5_000,
      ptpPaid: 2_000,
    });
    expect(promiseFlows({ status: 'broken', amount: 5_000, paidTowards: 0 })).toEqual({
      ptpDecided: 1,
      ptpPromised: 5_000,
    });
    expect(promiseFlows({ status: 'cancelled', amount: 5_000, paidTowards: 0 })).toEqual({});
  });

  it('a snapshot drops sales older than its history window and lumps old settled counts together', () => {
    expect(
      pruneMetrics(
        {
          's:2023-01-01': 5,
          's:2025-01-01': 7,
          'p:2023-01-01': 1,
          'p:2023-06-01': 2,
          'p:2025-01-01': 3,
          'i:2023-01-01': 6,
          'i:old': 1,
          'o:2020-01-01': 9,
          collected: 4,
          zero: 0,
        },
        '2025-03-31',
      ),
    ).toEqual({
      's:2025-01-01': 7,
      'p:old': 3,
      'i:old': 7,
      'p:2025-01-01': 3,
      'o:2020-01-01': 9,
      collected: 4,
    });
  });
});
