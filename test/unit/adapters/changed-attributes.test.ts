// An invoice written as the update of what changed must leave the item exactly as a whole put would.
import { attributeChanges } from '../../../shared/adapters/dynamodb/changed-attributes';

describe('attributeChanges', () => {
  const before = {
    pk: 'T#t1#INVOICE#i1',
    sk: 'INVOICE',
    gsi2pk: 'T#t1#DUE#3',
    gsi2sk: '2026-11-20#i1',
    paidTotal: 1_000,
    reportDims: { segment: 'retail', country: 'NO' },
    reportFact: { kind: 'payment', version: 4 },
    version: 4,
  };

  it('sets only the attributes whose values changed and leaves keys and equal maps alone', () => {
    const changes = attributeChanges(before, {
      ...before,
      paidTotal: 2_000,
      // Same content in another key order: not a change.
      reportDims: { country: 'NO', segment: 'retail' },
      reportFact: { kind: 'payment', version: 5 },
      version: 5,
    });
    expect(changes).not.toBeNull();
    const set = Object.fromEntries(
      Object.entries(changes!.ExpressionAttributeNames).map(([placeholder, name]) => [
        name,
        changes!.ExpressionAttributeValues[placeholder.replace('#', ':')],
      ]),
    );
    expect(set).toEqual({ paidTotal: 2_000, reportFact: { kind: 'payment', version: 5 }, version: 5 });
    expect(changes!.UpdateExpression).not.toContain('REMOVE');
  });

  it('removes what the new item no longer has (an invoice paid in full leaves the run index)', () => {
    const after: Record<string, unknown> = { ...before, paidTotal: 10_000, version: 5 };
    delete after.gsi2pk;
    delete after.gsi2sk;
    const changes = attributeChanges(before, after)!;
    const removed = changes.UpdateExpression.split('REMOVE ')[1]!.split(', ');
    expect(removed.map((placeholder) => changes.ExpressionAttributeNames[placeholder])).toEqual(['gsi2pk', 'gsi2sk']);
  });

  it('is null when nothing changed', () => {
    expect(attributeChanges(before, { ...before })).toBeNull();
  });
});
