// Named secrets through the real SDK client against the local Secrets Manager stand-in: a secret read by its name, a
// missing one is null, and a read is trusted for a few minutes (a rotated key is in use after that).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SECRETS_CACHE_MS, SecretsManagerSecrets } from '../../../shared/adapters/aws/secrets-manager-secrets';
import { startLocalSecretsManager, type LocalSecretsManager } from '../../../local/secrets-manager-server';

let store: LocalSecretsManager;
let client: SecretsManagerClient;

beforeAll(async () => {
  store = await startLocalSecretsManager();
  client = new SecretsManagerClient({
    endpoint: store.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await store.stop();
});

describe('named secrets from Secrets Manager', () => {
  it('answers the value by name, and null for a secret nobody stored', async () => {
    store.put('arrears/tenants/acme/stripe', 'sk_test_acme\n');
    const secrets = new SecretsManagerSecrets(client);
    await expect(secrets.get('arrears/tenants/acme/stripe')).resolves.toBe('sk_test_acme');
    await expect(secrets.get('arrears/tenants/globex/stripe')).resolves.toBeNull();
  });

  it('keeps a read for five minutes, then reads the rotated value', async () => {
    let now = 1_000_000;
    const secrets = new SecretsManagerSecrets(client, () => now);
    store.put('arrears/portal-signing-key', 'first');
    await expect(secrets.get('arrears/portal-signing-key')).resolves.toBe('first');
    store.put('arrears/portal-signing-key', 'second');
    now += SECRETS_CACHE_MS - 1;
    await expect(secrets.get('arrears/portal-signing-key')).resolves.toBe('first');
    now += 2;
    await expect(secrets.get('arrears/portal-signing-key')).resolves.toBe('second');
  });
});
