// Secrets Manager in a module of its own, so its SDK client loads only when a function first needs a tenant's secret.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerWebhookSecrets } from '../../adapters/aws/secrets-manager-webhook-secrets';
import { SecretsManagerSecrets } from '../../adapters/aws/secrets-manager-secrets';

export const createWebhookSecrets = (): SecretsManagerWebhookSecrets =>
  new SecretsManagerWebhookSecrets(new SecretsManagerClient({}));

export const createSecrets = (): SecretsManagerSecrets => new SecretsManagerSecrets(new SecretsManagerClient({}));
