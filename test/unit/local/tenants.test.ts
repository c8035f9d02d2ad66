// ARREARS_LOCAL_TENANTS parsing: clear refusals for entries that would seed a broken tenant.
import { DEFAULT_LOCAL_TENANTS, parseLocalTenants } from '../../../local/tenants';

describe('parseLocalTenants', () => {
  it('defaults to one demo tenant', () => {
    expect(parseLocalTenants(undefined)).toEqual(parseLocalTenants(DEFAULT_LOCAL_TENANTS));
    expect(parseLocalTenants('')[0]!.tenantId).toBe('demo');
  });

  it('reads several tenants', () => {
    expect(parseLocalTenants('a:key-aaaaaaaa:whsec_a, b:key-bbbbbbbb:whsec_b')).toEqual([
      { tenantId: 'a', apiKey: 'key-aaaaaaaa', stripeWebhookSecret: 'whsec_a' },
      { tenantId: 'b', apiKey: 'key-bbbbbbbb', stripeWebhookSecret: 'whsec_b' },
    ]);
  });

  it.each([
    ['a missing secret', 'a:key-aaaaaaaa', /entry 1 must be tenant:apiKey:stripeWebhookSecret/],
    ['a short key', 'a:short:whsec', /at least 8 characters/],
    ['a bad tenant id', 'a#b:key-aaaaaaaa:whsec', /not a valid tenant id/],
    ['a tenant twice', 'a:key-aaaaaaaa:w,a:key-bbbbbbbb:w', /names a tenant twice/],
    ['a shared key', 'a:key-aaaaaaaa:w,b:key-aaaaaaaa:w', /same API key/],
  ])('refuses %s', (_label, value, message) => {
    expect(() => parseLocalTenants(value)).toThrow(message);
  });
});
