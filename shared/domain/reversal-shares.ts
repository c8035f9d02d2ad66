// How a provider's running total of money given back falls on the parts one payment was split into: the newest-allocated
// part first (the last invoice paid reopens first), each part's share a function of the total alone, so the same total
// reported again (or a smaller one, late) asks each part for nothing it has not given back already.

export interface ShareablePart {
  invoiceId: string;
  paymentId: string;
  /** What the part holds in minor units; absent: the whole of a single payment (its own amount caps it). */
  amount?: number;
}

export interface ReversalShare<P extends ShareablePart> {
  part: P;
  /** The running total to give back on this part, in minor units (never above the part's amount). */
  cumulativeAmount: number;
}

/**
 * Shares of `cumulativeAmount` over `parts` (given in allocation order), newest first; parts that give nothing back are
 * left out. Each share only grows as the total grows, so topping every part up to its share never reverses twice.
 */
export const reversalShares = <P extends ShareablePart>(
  parts: readonly P[],
  cumulativeAmount: number,
): ReversalShare<P>[] => {
  const shares: ReversalShare<P>[] = [];
  let left = Math.max(0, cumulativeAmount);
  for (const part of [...parts].reverse()) {
    if (left <= 0) break;
    const share = part.amount === undefined ? left : Math.min(left, Math.max(0, part.amount));
    if (share > 0) shares.push({ part, cumulativeAmount: share });
    left -= share;
  }
  return shares;
};
