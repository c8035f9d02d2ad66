// ARREARS_LOCAL_USERS parsing: demo people by default, clear refusals for entries the user pool would not hold.
import { parseLocalUsers } from '../../../local/people';
import { parseLocalTenants } from '../../../local/tenants';

const tenants = parseLocalTenants('acme:acme-key-0001:whsec_a,globex:globex-key-0001:whsec_g');

describe('parseLocalUsers', () => {
  it('defaults to a manager and a collector for each tenant', () => {
    expect(parseLocalUsers(undefined, tenants)).toEqual([
      { tenantId: 'acme', username: 'acme-manager', role: 'manager', name: 'Mia Manager' },
      { tenantId: 'acme', username: 'acme-collector', role: 'collector', name: 'Cole Collector' },
      { tenantId: 'globex', username: 'globex-manager', role: 'manager', name: 'Mia Manager' },
      { tenantId: 'globex', username: 'globex-collector', role: 'collector', name: 'Cole Collector' },
    ]);
  });

  it('reads people with and without a display name', () => {
    expect(parseLocalUsers('acme:anna:manager:Anna Berg, acme:ben:collector', tenants)).toEqual([
      { tenantId: 'acme', username: 'anna', role: 'manager', name: 'Anna Berg' },
      { tenantId: 'acme', username: 'ben', role: 'collector', name: 'ben' },
    ]);
  });

  it.each([
    ['a missing role', 'acme:anna', /entry 1 must be tenant:username:role/],
    ['an unknown tenant', 'initech:anna:manager', /not a tenant of ARREARS_LOCAL_TENANTS/],
    ['a partner', 'acme:erp:partner', /people are never partners/],
    ['a username with a space', 'acme:anna berg:manager', /not a valid username/],
    ['a username twice, even in two tenants', 'acme:anna:manager,globex:Anna:collector', /username twice/],
  ])('refuses %s', (_label, value, message) => {
    expect(() => parseLocalUsers(value, tenants)).toThrow(message);
  });
});
