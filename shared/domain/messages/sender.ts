// Who an email is from and where answers go: the tenant's verified sender (else the deployment's) and its reply-to.
import type { Tenant } from '../../schemas/tenant.schema';

export interface Sender {
  from: string;
  replyTo?: string;
}

export const senderOf = (tenant: Tenant, defaultEmailFrom: string): Sender => {
  // `replyTo` is a tenant setting (DESIGN §4); read loosely so this compiles before the schema carries it.
  const replyTo = (tenant as Tenant & { replyTo?: string }).replyTo;
  return { from: tenant.emailFrom ?? defaultEmailFrom, ...(replyTo ? { replyTo } : {}) };
};
