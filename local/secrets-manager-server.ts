// A local stand-in for Secrets Manager: GetSecretValue over the service's own JSON protocol, so the functions read
// secrets with the real SDK client and adapter, and the local IAM enforcement checks each read as AWS would.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_ENVIRONMENT } from './synthesized-app';

export interface LocalSecretsManager {
  endpoint: string;
  /** The operator's `aws secretsmanager create-secret` / `put-secret-value`: not a function's call, never checked. */
  put(name: string, value: string): void;
  stop(): Promise<void>;
}

const arnOf = (name: string) =>
  `arn:aws:secretsmanager:${LOCAL_ENVIRONMENT.region}:${LOCAL_ENVIRONMENT.account}:secret:${name}-Ab12Cd`;

/** A generated value like the stack's generateSecretString gives: letters and digits only. */
export const generatedSecret = (length = 64): string =>
  randomBytes(length * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length);

export const startLocalSecretsManager = async (): Promise<LocalSecretsManager> => {
  const secrets = new Map<string, { value: string; versionId: string; createdAt: number }>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      const fault = (type: string, message: string) => answer(400, { __type: type, message });
      const target = String(request.headers['x-amz-target'] ?? '');
      let input: { SecretId?: unknown };
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: unknown };
      } catch {
        return fault('InvalidRequestException', 'the body is not JSON');
      }
      if (target !== 'secretsmanager.GetSecretValue')
        return fault('InvalidRequestException', `the local Secrets Manager does not serve ${target || 'this request'}`);
      const id = String(input.SecretId ?? '');
      const name = id.startsWith('arn:') ? id.replace(/^.*:secret:/, '').replace(/-[A-Za-z0-9]{6}$/, '') : id;
      const secret = secrets.get(name);
      if (!secret) return fault('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      return answer(200, {
        ARN: arnOf(name),
        Name: name,
        SecretString: secret.value,
        VersionId: secret.versionId,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: secret.createdAt / 1000,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    put: (name, value) => secrets.set(name, { value, versionId: randomUUID(), createdAt: Date.now() }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
