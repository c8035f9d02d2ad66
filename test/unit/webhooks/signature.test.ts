// The signature scheme both webhook endpoints share, checked against Stripe's own library in both directions.
import Stripe from 'stripe';
import { signatureHeader, verifySignatureHeader } from '../../../shared/webhooks/signature';

const stripe = new Stripe('sk_test_not_used_offline');
const secret = 'whsec_unit_0001';
const body = JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } });
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('accepts what Stripe signs, and Stripe accepts what Arrears signs', () => {
    const stripeSigned = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: now });
    expect(verifySignatureHeader(body, stripeSigned, secret, now)).toEqual({ valid: true, timestamp: now });
    const ourSigned = signatureHeader(body, secret, Math.floor(Date.now() / 1000));
    expect(stripe.webhooks.constructEvent(body, ourSigned, secret).id).toBe('evt_1');
  });

  it('accepts any one matching v1 while a secret is rolled', () => {
    const good = signatureHeader(body, secret, now).split(',')[1];
    expect(verifySignatureHeader(body, `t=${now},v1=${'0'.repeat(64)},${good}`, secret, now).valid).toBe(true);
  });

  it.each([
    ['no header', undefined, 'missing'],
    ['a header without v1', `t=${now}`, 'not t=<seconds>'],
    ['a signature of other bytes', signatureHeader(`${body} `, secret, now), 'no signature matches'],
    ['a stale timestamp', signatureHeader(body, secret, now - 301), 'more than 300 s'],
    ['a timestamp from the future', signatureHeader(body, secret, now + 301), 'more than 300 s'],
  ])('refuses %s', (_case, header, reason) => {
    const check = verifySignatureHeader(body, header, secret, now);
    expect(check.valid).toBe(false);
    expect(check.valid === false && check.reason).toContain(reason);
  });
});
