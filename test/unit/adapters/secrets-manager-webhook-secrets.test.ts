// The deployed secrets adapter, through the real AWS SDK client against a local stand-in of Secrets Manager's JSON
// protocol: which secret it reads, what a missing or malformed one means, and how long a read is trusted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  SECRET_CACHE_MS,
  SecretsManagerWebhookSecrets,
} from '../../../shared/adapters/aws/secrets-manager-webhook-secrets';

const stored = new Map<string, string>();
const requested: string[] = [];
let outage = false;
let server: Server;
let client: SecretsManagerClient;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      requested.push(`${String(request.headers['x-amz-target'])} ${SecretId}`);
      const answer = (status: number, value: unknown) =>
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(value));
      if (outage) return answer(500, { __type: 'InternalServiceError', message: 'try again' });
      const secret = stored.get(SecretId);
      if (secret === undefined)
        return answer(400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
      return answer(200, {
        ARN: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${SecretId}`,
        Name: SecretId,
        SecretString: secret,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new SecretsManagerClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  stored.clear();
  requested.length = 0;
  outage = false;
});

describe('webhook secrets from Secrets Manager', () => {
  it("reads the tenant's own secret by name and answers each provider's part of it", async () => {
    stored.set(
      'arrears/webhooks/acme',
      JSON.stringify({ stripe: 'whsec_acme', generic: 'gen_acme', erasureKey: 'k'.repeat(32) }),
    );
    const secrets = new SecretsManagerWebhookSecrets(client);
    expect(await secrets.secretFor('acme', 'stripe')).toBe('whsec_acme');
    expect(await secrets.secretFor('acme', 'generic')).toBe('gen_acme');
    expect(await secrets.secretFor('acme', 'erasureKey')).toBe('k'.repeat(32));
    expect(requested).toEqual(['secretsmanager.GetSecretValue arrears/webhooks/acme']);
  });

  it('answers null for a tenant without a secret, a provider missing from it, or a value that is not the expected JSON', async () => {
    stored.set('arrears/webhooks/partial', JSON.stringify({ stripe: 'whsec_partial' }));
    stored.set('arrears/webhooks/garbled', 'whsec_not_json');
    const secrets = new SecretsManagerWebhookSecrets(client);
    expect(await secrets.secretFor('nobody', 'stripe')).toBeNull();
    expect(await secrets.secretFor('partial', 'generic')).toBeNull();
    await expect(secrets.secretFor('garbled', 'stripe')).resolves.toBeNull();
  });

  it('throws on an outage, so the webhook is answered 5xx and the provider retries, and caches nothing', async () => {
    stored.set('arrears/webhooks/acme', JSON.stringify({ stripe: 'whsec_acme' }));
    const secrets = new SecretsManagerWebhookSecrets(client);
    outage = true;
    await expect(secrets.secretFor('acme', 'stripe')).rejects.toThrow();
    outage = false;
    expect(await secrets.secretFor('acme', 'stripe')).toBe('whsec_acme');
  });

  it('reads once per tenant while the cache holds, and picks up a rotated secret after it expires', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    stored.set('arrears/webhooks/acme', JSON.stringify({ stripe: 'whsec_old' }));
    const secrets = new SecretsManagerWebhookSecrets(client, () => now);
    for (let i = 0; i < 5; i += 1) expect(await secrets.secretFor('acme', 'stripe')).toBe('whsec_old');
    stored.set('arrears/webhooks/acme', JSON.stringify({ stripe: 'whsec_new' }));
    now += SECRET_CACHE_MS - 1;
    expect(await secrets.secretFor('acme', 'stripe')).toBe('whsec_old');
    now += 1;
    expect(await secrets.secretFor('acme', 'stripe')).toBe('whsec_new');
    expect(requested).toHaveLength(2);
  });
});
