// Webhook secrets from Secrets Manager: one secret per tenant, named arrears/webhooks/{tenantId}, holding
// {"stripe": "whsec_...", "generic": "...", "stripeApiKey": "rk_..."}; cached for a few minutes so a burst of webhooks reads it once.
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { WEBHOOK_SECRET_PREFIX, type WebhookProvider, type WebhookSecrets } from '../../ports/webhook-secrets.port';
const CACHE_MS = 5 * 60_000;

const SecretValueSchema = z.object({
  stripe: z.string().min(1).optional(),
  generic: z.string().min(1).optional(),
  stripeApiKey: z.string().min(1).optional(),
});

export class SecretsManagerWebhookSecrets implements WebhookSecrets {
  private readonly cache = new Map<string, { value: z.infer<typeof SecretValueSchema> | null; until: number }>();

  constructor(private readonly client: SecretsManagerClient) {}

  async secretFor(tenantId: string, provider: WebhookProvider): Promise<string | null> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.value?.[provider] ?? null;
    let value: z.infer<typeof SecretValueSchema> | null = null;
    try {
      const result = await this.client.send(new GetSecretValueCommand({ SecretId: `${WEBHOOK_SECRET_PREFIX}${tenantId}` }));
      const parsed = SecretValueSchema.safeParse(JSON.parse(result.SecretString ?? 'null'));
      value = parsed.success ? parsed.data : null;
    } catch (error) {
      // A tenant without a secret is not an outage: its webhooks are refused until one is stored.
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
    this.cache.set(tenantId, { value, until: Date.now() + CACHE_MS });
    return value?.[provider] ?? null;
  }
}
