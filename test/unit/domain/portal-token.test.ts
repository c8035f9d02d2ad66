// The portal link's token: it opens what it was signed for until it expires, and nothing else, ever.
import { signPortalToken, verifyPortalToken, type PortalTarget } from '../../../shared/domain/portal-token';

const KEY = 'test-portal-key';
const NOW = new Date('2026-12-10T10:00:00Z');
const DAY = 86_400_000;
const aCase: PortalTarget = { kind: 'case', tenantId: 'acme', delinquencyId: 'dlq_01JABCDEF' };
const anInvoice: PortalTarget = { kind: 'invoice', tenantId: 'acme', customerId: 'cust-7', invoiceId: 'INV-2026-001' };

describe('portal tokens', () => {
  it('opens the case (or the invoice before a case exists) it was signed for', () => {
    for (const target of [aCase, anInvoice]) {
      const token = signPortalToken(target, KEY, NOW);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      expect(verifyPortalToken(token, KEY, new Date(NOW.getTime() + DAY))).toEqual({
        outcome: 'valid',
        target,
        expiresAt: new Date(NOW.getTime() + 60 * DAY),
      });
    }
  });

  it('carries ids only: no name, address or amount can be read from it', () => {
    const token = signPortalToken(anInvoice, KEY, NOW);
    const payload = Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8');
    expect(JSON.parse(payload)).toEqual([1, 'i', 'acme', 'cust-7', 'INV-2026-001', expect.any(Number)]);
  });

  it('expires after 60 days (or the days asked), and says whose it was so the page can speak their language', () => {
    const token = signPortalToken(aCase, KEY, NOW);
    expect(verifyPortalToken(token, KEY, new Date(NOW.getTime() + 60 * DAY - 1000)).outcome).toBe('valid');
    expect(verifyPortalToken(token, KEY, new Date(NOW.getTime() + 60 * DAY))).toMatchObject({
      outcome: 'expired',
      target: aCase,
    });
    const short = signPortalToken(aCase, KEY, NOW, 1);
    expect(verifyPortalToken(short, KEY, new Date(NOW.getTime() + 2 * DAY)).outcome).toBe('expired');
  });

  it('refuses a token signed with another key, an edited payload, a swapped signature and junk', () => {
    const token = signPortalToken(aCase, KEY, NOW);
    const [payload, signature] = token.split('.') as [string, string];
    const other = signPortalToken({ ...aCase, delinquencyId: 'dlq_SOMEONE_ELSE' }, KEY, NOW);
    const edited = Buffer.from(
      JSON.stringify([1, 'c', 'acme', 'dlq_SOMEONE_ELSE', Math.floor(NOW.getTime() / 1000) + 999]),
    ).toString('base64url');
    for (const forged of [
      signPortalToken(aCase, 'another-key', NOW),
      `${edited}.${signature}`,
      `${payload}.${other.split('.')[1]}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      payload,
      'x'.repeat(32),
      '',
      `${payload}.${signature}.extra`,
    ])
      expect(verifyPortalToken(forged, KEY, NOW)).toEqual({ outcome: 'forged' });
  });

  it('refuses a well-signed payload that is not a target (defence against a future format)', () => {
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const payload = Buffer.from(JSON.stringify([1, 'x', 'acme', 1])).toString('base64url');
    const signature = createHmac('sha256', KEY).update(payload).digest('base64url');
    expect(verifyPortalToken(`${payload}.${signature}`, KEY, NOW)).toEqual({ outcome: 'forged' });
  });
});
