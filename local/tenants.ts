// Parses ARREARS_LOCAL_TENANTS ("tenant:apiKey:stripeWebhookSecret,...") and seeds those tenants and key hashes.
import { createHmac } from 'node:crypto';
import { PARTNER_ID_PATTERN, sha256Hex } from '../shared/domain/ids';
import type { TenantDirectory } from '../shared/ports/tenant-directory.port';
import type { WebhookSecrets } from '../shared/ports/webhook-secrets.port';
import { portalSigningKeySecretName, tenantStripeSecretName } from '../shared/ports/secrets.port';
import { defaultTenantSettings, type Tenant } from '../shared/schemas/tenant.schema';

export interface LocalTenant {
  tenantId: string;
  apiKey: string;
  stripeWebhookSecret: string;
}

export const DEFAULT_LOCAL_TENANTS = 'demo:demo-api-key-0001:whsec_demo_0001';

export const parseLocalTenants = (value: string | undefined): LocalTenant[] => {
  const spec = value?.trim() ? value : DEFAULT_LOCAL_TENANTS;
  const tenants = spec.split(',').map((entry, index) => {
    const [tenantId, apiKey, stripeWebhookSecret, ...rest] = entry.trim().split(':');
    if (!tenantId || !apiKey || !stripeWebhookSecret || rest.length > 0) {
      throw new Error(`ARREARS_LOCAL_TENANTS entry ${index + 1} must be tenant:apiKey:stripeWebhookSecret`);
    }
    if (!PARTNER_ID_PATTERN.test(tenantId))
      throw new Error(`ARREARS_LOCAL_TENANTS: "${tenantId}" is not a valid tenant id`);
    if (apiKey.length < 8)
      throw new Error(`ARREARS_LOCAL_TENANTS: the API key of ${tenantId} must be at least 8 characters`);
    return { tenantId, apiKey, stripeWebhookSecret };
  });
  const ids = new Set(tenants.map((tenant) => tenant.tenantId));
  if (ids.size !== tenants.length) throw new Error('ARREARS_LOCAL_TENANTS names a tenant twice');
  const keys = new Set(tenants.map((tenant) => tenant.apiKey));
  if (keys.size !== tenants.length) throw new Error('ARREARS_LOCAL_TENANTS gives two tenants the same API key');
  return tenants;
};

/**
 * Who the demo creditor is, so every message and page reads like a real one: a made-up Norwegian utility with a valid
 * (published example) IBAN. Other local tenants get the same identity under their own id.
 */
export const demoIdentity = (tenantId: string) => {
  const name = tenantId === 'demo' ? 'Nordlys Energi' : tenantId;
  return {
    name,
    legalName: tenantId === 'demo' ? 'Nordlys Energi AS' : name,
    address: { lines: ['Storgata 12'], postalCode: '0155', city: 'Oslo', country: 'NO' },
    supportEmail: `support@${tenantId === 'demo' ? 'nordlys-energi' : tenantId}.example`,
    supportPhone: '+4721000000',
    bank: { accountHolder: tenantId === 'demo' ? 'Nordlys Energi AS' : name, iban: 'NO9386011117947', bic: 'DNBANOKK' },
    locale: 'en',
    selfServicePlans: { maxInstallments: 6, maxDays: 180, minInstallment: 1000 },
  } satisfies Partial<Tenant>;
};

export const seedTenants = async (directory: TenantDirectory, tenants: LocalTenant[], now: Date): Promise<void> => {
  for (const tenant of tenants) {
    const existing = await directory.getTenant(tenant.tenantId);
    if (!existing) {
      await directory.putTenant({
        id: tenant.tenantId,
        ...defaultTenantSettings,
        ...demoIdentity(tenant.tenantId),
        createdAt: now.toISOString(),
        version: 1,
      });
    }
    await directory.putApiKey(
      sha256Hex(tenant.apiKey),
      { tenantId: tenant.tenantId, role: 'manager', keyId: `local-${tenant.tenantId}` },
      now.toISOString(),
      // The operator who started the runtime holds these keys.
      { issuedTo: 'operator' },
    );
  }
};

/**
 * Locally each tenant has one signing secret (the third field of its entry), used by both the Stripe endpoint and the
 * generic one; deployed, each provider's secret is stored separately in Secrets Manager. (The Stripe API key is a
 * secret of its own: seedLocalSecrets.) The erasure key (deployed, its own field of the tenant's secret) is derived locally from
 * the tenant's secret, so it is stable across restarts and never stored in the table.
 */
export const localWebhookSecrets = (tenants: LocalTenant[]): WebhookSecrets => {
  const secrets = new Map(tenants.map((tenant) => [tenant.tenantId, tenant.stripeWebhookSecret]));
  return {
    secretFor: async (tenantId, name) => {
      const webhookSecret = secrets.get(tenantId) ?? null;
      if (name === 'erasureKey')
        return webhookSecret === null
          ? null
          : createHmac('sha256', webhookSecret).update('arrears erasure key').digest('hex');
      return webhookSecret;
    },
  };
};

/**
 * What an operator stores in Secrets Manager, stored in its local stand-in: each tenant's Stripe key (one key for all
 * local tenants: the stand-in's or ARREARS_STRIPE_API_KEY; none without one, and then no card payment is offered) and
 * the portal's signing key, derived from the tenants' secrets so links stay valid across restarts.
 */
export const seedLocalSecrets = (
  store: { put(name: string, value: string): void },
  namespace: string,
  tenants: LocalTenant[],
  stripeApiKey: string | null,
): void => {
  if (stripeApiKey)
    for (const tenant of tenants) store.put(tenantStripeSecretName(namespace, tenant.tenantId), stripeApiKey);
  const material = tenants.map((tenant) => `${tenant.tenantId}:${tenant.stripeWebhookSecret}`).join(',');
  store.put(
    portalSigningKeySecretName(namespace),
    createHmac('sha256', material).update('arrears portal signing key').digest('hex'),
  );
};
