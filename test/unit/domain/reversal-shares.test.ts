// How a provider's running total of money given back falls on a split payment's parts: newest-allocated first, each
// share a function of the total alone, so replays and late smaller totals never ask a part for more than it gave.
import { reversalShares } from '../../../shared/domain/reversal-shares';

const parts = [
  { invoiceId: 'old', paymentId: 'pay-old', amount: 40_000 },
  { invoiceId: 'new', paymentId: 'pay-new', amount: 60_000 },
];
const shares = (total: number) =>
  reversalShares(parts, total).map((share) => [share.part.invoiceId, share.cumulativeAmount]);

describe('reversal shares of a split payment', () => {
  it.each([
    [0, []],
    [25_000, [['new', 25_000]]],
    [60_000, [['new', 60_000]]],
    [
      75_000,
      [
        ['new', 60_000],
        ['old', 15_000],
      ],
    ],
    [
      100_000,
      [
        ['new', 60_000],
        ['old', 40_000],
      ],
    ],
    // Never more than was paid.
    [
      130_000,
      [
        ['new', 60_000],
        ['old', 40_000],
      ],
    ],
  ])('a running total of %i gives back %j', (total, expected) => {
    expect(shares(total)).toEqual(expected);
  });

  it('only grows as the total grows, part by part', () => {
    const byPart = (total: number) => Object.fromEntries(shares(total)) as Record<string, number | undefined>;
    for (let total = 0; total < 100_000; total += 2_500) {
      const now = byPart(total);
      const next = byPart(total + 2_500);
      for (const part of ['old', 'new']) expect(next[part] ?? 0).toBeGreaterThanOrEqual(now[part] ?? 0);
    }
  });

  it('gives a single payment (no amount on its link) the whole total: its own amount caps it', () => {
    expect(reversalShares([{ invoiceId: 'one', paymentId: 'pay-one' }], 12_345)).toEqual([
      { part: { invoiceId: 'one', paymentId: 'pay-one' }, cumulativeAmount: 12_345 },
    ]);
  });
});
