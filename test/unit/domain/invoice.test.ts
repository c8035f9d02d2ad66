// An invoice's balance and status follow from its facts.
import { invoiceBalance, invoiceStatus, isCollectible } from '../../../shared/domain/invoice';

const facts = { amount: 10_000, feesTotal: 0, paidTotal: 0, voided: false, writtenOff: false };

describe('invoice balance and status', () => {
  it('owes amount plus fees plus interest less payments', () => {
    expect(invoiceBalance({ ...facts, feesTotal: 4_000, paidTotal: 3_000 }, 250)).toBe(11_250);
  });

  it('is paid once payments cover everything owed', () => {
    expect(invoiceStatus({ ...facts, paidTotal: 10_000 })).toBe('paid');
    expect(invoiceStatus({ ...facts, paidTotal: 9_999 })).toBe('open');
  });

  it('is open again when a fee is added to a paid invoice', () => {
    expect(invoiceStatus({ ...facts, paidTotal: 10_000, feesTotal: 4_000 })).toBe('open');
  });

  it('void and written-off invoices leave collection', () => {
    expect(invoiceStatus({ ...facts, voided: true })).toBe('void');
    expect(invoiceStatus({ ...facts, writtenOff: true })).toBe('written_off');
    expect(isCollectible({ ...facts, voided: true })).toBe(false);
    expect(isCollectible(facts)).toBe(true);
  });
});
