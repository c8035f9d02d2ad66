// Parses ARREARS_LOCAL_USERS ("tenant:username:role[:Display Name],..."): the people the local identity provider signs
// in, as the deployed user pool would hold them (one pool, so a username is unique across tenants).
import { PERSON_GROUPS, USERNAME_PATTERN, type PersonRole } from '../shared/schemas/id-token.schema';
import type { LocalTenant } from './tenants';

export interface LocalUser {
  tenantId: string;
  username: string;
  role: PersonRole;
  name: string;
}

/** Without ARREARS_LOCAL_USERS: a manager and a collector for each tenant. */
export const defaultLocalUsers = (tenants: readonly LocalTenant[]): LocalUser[] =>
  tenants.flatMap(({ tenantId }) => [
    { tenantId, username: `${tenantId}-manager`, role: 'manager' as const, name: 'Mia Manager' },
    { tenantId, username: `${tenantId}-collector`, role: 'collector' as const, name: 'Cole Collector' },
  ]);

export const parseLocalUsers = (value: string | undefined, tenants: readonly LocalTenant[]): LocalUser[] => {
  if (!value?.trim()) return defaultLocalUsers(tenants);
  const known = new Set(tenants.map((tenant) => tenant.tenantId));
  const users = value.split(',').map((entry, index): LocalUser => {
    const [tenantId, username, role, ...rest] = entry.trim().split(':');
    const name = rest.join(':').trim();
    if (!tenantId || !username || !role)
      throw new Error(`ARREARS_LOCAL_USERS entry ${index + 1} must be tenant:username:role[:Display Name]`);
    if (!known.has(tenantId))
      throw new Error(`ARREARS_LOCAL_USERS: "${tenantId}" is not a tenant of ARREARS_LOCAL_TENANTS`);
    if (!USERNAME_PATTERN.test(username))
      throw new Error(`ARREARS_LOCAL_USERS: "${username}" is not a valid username (letters, digits, . _ @ + -)`);
    if (!(PERSON_GROUPS as readonly string[]).includes(role))
      throw new Error(
        `ARREARS_LOCAL_USERS: the role of ${username} must be manager or collector (people are never partners)`,
      );
    return { tenantId, username, role: role as PersonRole, name: name || username };
  });
  const names = new Set(users.map((user) => user.username.toLowerCase()));
  if (names.size !== users.length) throw new Error('ARREARS_LOCAL_USERS names a username twice');
  return users;
};
