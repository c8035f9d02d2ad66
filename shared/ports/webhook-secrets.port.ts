// Where a tenant's webhook signing secrets come from: Secrets Manager when deployed, ARREARS_LOCAL_TENANTS locally.

/** Deployed, each tenant's secrets are one Secrets Manager secret named this prefix + the tenant id. */
export const WEBHOOK_SECRET_PREFIX = 'arrears/webhooks/';

/**
 * `stripe` and `generic`: webhook signing secrets; `erasureKey`: the key erased opt-out addresses are hashed with (GDPR
 * erasure), kept out of the table on purpose. The tenant's Stripe API key is a secret of its own (secrets.port.ts).
 */
export type WebhookProvider = 'stripe' | 'generic' | 'erasureKey';

export interface WebhookSecrets {
  /** The tenant's signing secret for that provider, or null when the tenant has none (its webhooks are refused). */
  secretFor(tenantId: string, provider: WebhookProvider): Promise<string | null>;
}
