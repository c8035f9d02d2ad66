// The key module keeps every tenant in its own key space and spreads a day's invoices over shards.
import { DUE_DATE_SHARDS, keys, shardOf, stripStorage } from '../../../shared/adapters/dynamodb/keys';

describe('keys', () => {
  it('puts the tenant in every tenant-owned key', () => {
    const all = [
      keys.tenant('t1').pk,
      keys.apiKey('hash', 't1').sk,
      keys.customer('t1', 'c1').pk,
      keys.optOut('t1', 'c1', 'email', 'A@B.no').pk,
      keys.invoice('t1', 'i1').pk,
      keys.payment('t1', 'i1', 'p1').pk,
      keys.delinquency('t1', 'd1').pk,
      keys.timelineEntry('t1', 'd1', '2026-12-01T00:00:00Z', 'e1').pk,
      keys.strategy('t1', 's1').pk,
      keys.idempotencyRecord('t1', 'h').pk,
      keys.webhookEvent('t1', 'stripe', 'evt_1').pk,
      keys.invoiceByCustomer('t1', 'c1', '2026-12-01', 'i1').gsi1pk,
      keys.invoiceByDueDate('t1', '2026-12-01', 'i1').gsi2pk,
      keys.workQueue('t1', 'active', 'high', 10, 'd1').gsi3pk,
    ];
    for (const key of all) expect(key).toContain('TENANT#t1');
  });

  it('gives the same ids of two tenants different keys', () => {
    expect(keys.invoice('t1', 'i1')).not.toEqual(keys.invoice('t2', 'i1'));
    expect(keys.customer('t1', 'c1')).not.toEqual(keys.customer('t2', 'c1'));
  });

  it('stores opt-outs case-insensitively by address', () => {
    expect(keys.optOut('t', 'c', 'email', 'Ada@Example.com')).toEqual(
      keys.optOut('t', 'c', 'email', 'ada@example.com'),
    );
  });

  it('orders the work queue highest priority first in an ascending query', () => {
    const high = keys.workQueue('t', 'active', 'high', 900_000, 'd1').gsi3sk;
    const low = keys.workQueue('t', 'active', 'high', 10, 'd2').gsi3sk;
    expect([low, high].sort()).toEqual([high, low]);
  });

  it('spreads invoices due on one day over every shard, and always the same shard for one invoice', () => {
    const shards = new Set(Array.from({ length: 2_000 }, (_, i) => shardOf(`inv-${i}`)));
    expect(shards.size).toBe(DUE_DATE_SHARDS);
    expect(shardOf('inv-42')).toBe(shardOf('inv-42'));
    expect(keys.invoiceByDueDate('t', '2026-12-01', 'inv-42')).toEqual({
      gsi2pk: `TENANT#t#DUE#${shardOf('inv-42')}`,
      gsi2sk: '2026-12-01#inv-42',
    });
  });

  it('bounds a range of scan dates to exactly the invoices of those dates', () => {
    const { from, to } = keys.dueDateRange('2026-12-01', '2026-12-03');
    const inRange = (date: string, id: string) => {
      const sk = keys.invoiceByDueDate('t', date, id).gsi2sk;
      return sk >= from && sk <= to;
    };
    expect(['2026-12-01', '2026-12-02', '2026-12-03'].every((date) => inRange(date, 'a'))).toBe(true);
    expect(inRange('2026-12-03', 'zzzz-9999_z.z')).toBe(true);
    expect(inRange('2026-11-30', 'zzzz')).toBe(false);
    expect(inRange('2026-12-04', '0')).toBe(false);
  });

  it('strips storage attributes before an item becomes an entity', () => {
    expect(
      stripStorage({ pk: 'a', sk: 'b', gsi1pk: 'c', type: 'Invoice', schemaVersion: 1, expiresAt: 1, id: 'i1' }),
    ).toEqual({ id: 'i1' });
  });
});
