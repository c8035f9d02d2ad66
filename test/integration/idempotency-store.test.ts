// Idempotency records: one claim wins, a finished answer is replayed, an abandoned or expired claim can be taken over.
import type { IdempotencyClaim } from '../../shared/ports/idempotency-store.port';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.destroy());

const claimAt = (keyHash: string, iso: string, fingerprint = 'f1'): IdempotencyClaim => ({
  tenantId: 't1',
  keyHash,
  fingerprint,
  now: new Date(iso),
  inProgressSeconds: 60,
  retentionSeconds: 86_400,
});

describe('idempotency store', () => {
  const store = () => table.deps(fixedClock('2026-12-01T00:00:00Z')).idempotency;

  it('lets exactly one of many concurrent claims win', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store().claim(claimAt('k-race', '2026-12-01T00:00:00Z'))),
    );
    expect(results.filter((result) => result.outcome === 'claimed')).toHaveLength(1);
    expect(results.filter((result) => result.outcome === 'in_progress')).toHaveLength(9);
  });

  it('replays the stored answer once completed', async () => {
    const claim = claimAt('k-done', '2026-12-01T00:00:00Z');
    await store().claim(claim);
    await store().complete(claim, {
      statusCode: 201,
      headers: { 'content-type': 'application/json' },
      body: '{"id":"x"}',
    });
    expect(await store().claim(claimAt('k-done', '2026-12-01T01:00:00Z'))).toEqual({
      outcome: 'completed',
      fingerprint: 'f1',
      response: { statusCode: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"x"}' },
    });
  });

  it('reports the stored fingerprint so a different request with the same key can be refused', async () => {
    await store().claim(claimAt('k-fp', '2026-12-01T00:00:00Z', 'original'));
    expect(await store().claim(claimAt('k-fp', '2026-12-01T00:00:01Z', 'other'))).toMatchObject({
      fingerprint: 'original',
    });
  });

  it('lets a claim abandoned mid-request be taken over after its in-progress window', async () => {
    await store().claim(claimAt('k-dead', '2026-12-01T00:00:00Z'));
    expect((await store().claim(claimAt('k-dead', '2026-12-01T00:00:30Z'))).outcome).toBe('in_progress');
    expect((await store().claim(claimAt('k-dead', '2026-12-01T00:01:01Z'))).outcome).toBe('claimed');
  });

  it('treats an expired record as free even before TTL deletes it', async () => {
    const claim = claimAt('k-old', '2026-12-01T00:00:00Z');
    await store().claim(claim);
    await store().complete(claim, { statusCode: 200, headers: {}, body: '{}' });
    expect((await store().claim(claimAt('k-old', '2026-12-02T00:00:01Z'))).outcome).toBe('claimed');
  });

  it('frees a key released after a failed request', async () => {
    await store().claim(claimAt('k-fail', '2026-12-01T00:00:00Z'));
    await store().release('t1', 'k-fail');
    expect((await store().claim(claimAt('k-fail', '2026-12-01T00:00:01Z'))).outcome).toBe('claimed');
  });
});
