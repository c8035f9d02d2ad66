// Named secrets from Secrets Manager, each value cached for a few minutes per container: a burst of card payments reads
// a tenant's key once, and a rotated secret is in use within the cache's lifetime.
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Secrets } from '../../ports/secrets.port';

/** How long a read secret (or its absence) is trusted. */
export const SECRETS_CACHE_MS = 5 * 60_000;

export class SecretsManagerSecrets implements Secrets {
  private readonly cache = new Map<string, { value: Promise<string | null>; until: number }>();

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly now: () => number = Date.now,
  ) {}

  get(name: string): Promise<string | null> {
    const cached = this.cache.get(name);
    if (cached && cached.until > this.now()) return cached.value;
    const value = this.read(name);
    this.cache.set(name, { value, until: this.now() + SECRETS_CACHE_MS });
    // A failed read (an outage, a refusal) is not remembered: the next call asks again.
    value.catch(() => {
      if (this.cache.get(name)?.value === value) this.cache.delete(name);
    });
    return value;
  }

  private async read(name: string): Promise<string | null> {
    try {
      const result = await this.client.send(new GetSecretValueCommand({ SecretId: name }));
      return result.SecretString?.trim() || null;
    } catch (error) {
      if ((error as Error).name === 'ResourceNotFoundException') return null;
      throw error;
    }
  }
}
