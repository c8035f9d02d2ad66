// Webhook secrets from Secrets Manager: one secret per tenant, named arrears/webhooks/{tenantId}, holding
// {"stripe": "whsec_...", "generic": "...", "erasureKey": "..."}; cached for a few minutes so a burst of webhooks reads it once.
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { logger } from '../../observability/logger';
import { WEBHOOK_SECRET_PREFIX, type WebhookProvider, type WebhookSecrets } from '../../ports/webhook-secrets.port';
/** How long a read secret is trusted: a rotated secret is in use within this time. */
export const SECRET_CACHE_MS = 5 * 60_000;

const SecretValueSchema = z.object({
  stripe: z.string().min(1).optional(),
  generic: z.string().min(1).optional(),
  /** At least 32 characters of randomness: erased opt-out addresses are hashed with it, so it must not be guessable. */
  erasureKey: z.string().min(32).optional(),
});

const parseSecret = (text: string | undefined): z.infer<typeof SecretValueSchema> | null => {
  try {
    const parsed = SecretValueSchema.safeParse(JSON.parse(text ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export class SecretsManagerWebhookSecrets implements WebhookSecrets {
  private readonly cache = new Map<string, { value: z.infer<typeof SecretValueSchema> | null; until: number }>();

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly now: () => number = Date.now,
  ) {}

  async secretFor(tenantId: string, provider: WebhookProvider): Promise<string | null> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.until > this.now()) return cached.value?.[provider] ?? null;
    let value: z.infer<typeof SecretValueSchema> | null = null;
    try {
      const result = await this.client.send(
        new GetSecretValueCommand({ SecretId: `${WEBHOOK_SECRET_PREFIX}${tenantId}` }),
      );
      value = parseSecret(result.SecretString);
      // Said without the value: the operator learns which secret to fix, the log never holds a key.
      if (!value)
        logger.warn('webhook secret is not a JSON object of provider secrets: its webhooks are refused', {
          tenantId,
          secretId: `${WEBHOOK_SECRET_PREFIX}${tenantId}`,
        });
    } catch (error) {
      // A tenant without a secret is not an outage: its webhooks are refused until one is stored.
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
    this.cache.set(tenantId, { value, until: this.now() + SECRET_CACHE_MS });
    return value?.[provider] ?? null;
  }
}
