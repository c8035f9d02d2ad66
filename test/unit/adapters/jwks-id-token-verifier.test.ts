// A person's id token is accepted only when our issuer signed it for our console, for one of our roles, and it has not
// expired by the system's clock; the keys come over HTTP from the issuer's JWKS, as Cognito publishes them.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwksIdTokenVerifier } from '../../../shared/adapters/jwt/jwks-id-token-verifier';
import { ForbiddenError, UnauthorizedError } from '../../../shared/errors/errors';
import { LocalIdentityProvider } from '../../../local/identity-provider';
import { VirtualClock } from '../../../local/clock';

const AUDIENCE = 'console-client-id';
const START = new Date('2026-12-01T08:00:00Z');

const keyPair = (kid: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
};
const published = keyPair('published-key');
const forger = keyPair('forger-key');

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signed = (claims: Record<string, unknown>, key: { kid: string; privateKey: KeyObject }, alg = 'RS256') => {
  const head = `${encode({ kid: key.kid, alg })}.${encode(claims)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key.privateKey).toString('base64url')}`;
};

let server: Server;
let issuer: string;
let jwksFetches = 0;
beforeAll(async () => {
  server = createServer((request, response) => {
    jwksFetches += 1;
    response.writeHead(request.url === '/pool/.well-known/jwks.json' ? 200 : 404, {
      'content-type': 'application/json',
    });
    response.end(JSON.stringify({ keys: [published.jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const at = (date: Date) => Math.floor(date.getTime() / 1000);
const claimsOf = (overrides: Record<string, unknown> = {}) => ({
  sub: '5f1e2d3c-0000-4000-a000-000000000001',
  'cognito:groups': ['collector'],
  'cognito:username': 'cole',
  'custom:tenantId': 'acme',
  iss: issuer,
  aud: AUDIENCE,
  token_use: 'id',
  iat: at(START),
  exp: at(START) + 3600,
  ...overrides,
});

const verifier = (clock = new VirtualClock(START), audience = AUDIENCE) =>
  new JwksIdTokenVerifier({ issuer, audience }, clock);

describe('JwksIdTokenVerifier', () => {
  it('names the person, their tenant and their highest role from a good token', async () => {
    await expect(verifier().verify(signed(claimsOf(), published))).resolves.toEqual({
      tenantId: 'acme',
      role: 'collector',
      username: 'cole',
      sub: '5f1e2d3c-0000-4000-a000-000000000001',
    });
    const both = signed(claimsOf({ 'cognito:groups': ['collector', 'manager'] }), published);
    await expect(verifier().verify(both)).resolves.toMatchObject({ role: 'manager' });
  });

  it('fetches the keys once per container and keeps them', async () => {
    const shared = verifier();
    const before = jwksFetches;
    await shared.verify(signed(claimsOf(), published));
    await shared.verify(signed(claimsOf(), published));
    expect(jwksFetches - before).toBe(1);
  });

  it('refuses a token once the virtual clock passes its expiry', async () => {
    const clock = new VirtualClock(START);
    const token = signed(claimsOf(), published);
    const shared = verifier(clock);
    await expect(shared.verify(token)).resolves.toMatchObject({ username: 'cole' });
    clock.set(new Date(START.getTime() + 3600_000));
    await expect(shared.verify(token)).rejects.toThrow(
      new UnauthorizedError('the id token has expired: sign in again'),
    );
  });

  it('refuses a forged token: another key, a changed payload, or an algorithm other than RS256', async () => {
    await expect(verifier().verify(signed(claimsOf(), forger))).rejects.toThrow(/a key the issuer does not publish/);
    // The forger signs with its own key under the published key's id.
    const underOurKid = signed(claimsOf(), { kid: published.kid, privateKey: forger.privateKey });
    await expect(verifier().verify(underOurKid)).rejects.toThrow(/signature does not match/);
    const [head, , signature] = signed(claimsOf(), published).split('.');
    const promoted = `${head}.${encode(claimsOf({ 'cognito:groups': ['manager'] }))}.${signature}`;
    await expect(verifier().verify(promoted)).rejects.toThrow(/signature does not match/);
    const unsigned = `${encode({ alg: 'none', kid: published.kid })}.${encode(claimsOf())}.AAAA`;
    await expect(verifier().verify(unsigned)).rejects.toThrow(/not signed with RS256/);
    await expect(verifier().verify(signed(claimsOf(), published, 'HS256'))).rejects.toThrow(/not signed with RS256/);
  });

  it('refuses a token for another client, from another issuer, or that is not an id token', async () => {
    const token = signed(claimsOf(), published);
    await expect(verifier(undefined, 'another-client').verify(token)).rejects.toThrow(/issued to another client/);
    await expect(verifier().verify(signed(claimsOf({ iss: `${issuer}-other` }), published))).rejects.toThrow(
      /another issuer/,
    );
    await expect(verifier().verify(signed(claimsOf({ token_use: 'access' }), published))).rejects.toThrow(
      UnauthorizedError,
    );
  });

  it('refuses a token whose tenant claim is missing or not a tenant id', async () => {
    await expect(verifier().verify(signed(claimsOf({ 'custom:tenantId': undefined }), published))).rejects.toThrow(
      /custom:tenantId/,
    );
    await expect(verifier().verify(signed(claimsOf({ 'custom:tenantId': 'acme#x' }), published))).rejects.toThrow(
      /custom:tenantId/,
    );
  });

  it('refuses a person in no role group with forbidden-role (a person is never a partner)', async () => {
    const withoutGroups = signed(claimsOf({ 'cognito:groups': undefined }), published);
    await expect(verifier().verify(withoutGroups)).rejects.toThrow(ForbiddenError);
    const partner = signed(claimsOf({ 'cognito:groups': ['partner'] }), published);
    await expect(verifier().verify(partner)).rejects.toMatchObject({ code: 'forbidden-role' });
  });

  it("accepts the local identity provider's tokens with the same code, and only for its own issuer", async () => {
    const clock = new VirtualClock(START);
    const local = new LocalIdentityProvider(
      [{ tenantId: 'acme', username: 'mia', role: 'manager', name: 'Mia Manager' }],
      clock,
    );
    const localServer = createServer((request, response) => {
      const answer = local.handle(request.method ?? 'GET', request.url ?? '/', Buffer.alloc(0));
      response.writeHead(answer?.status ?? 404, answer?.headers ?? {});
      response.end(answer?.text ?? '');
    });
    await new Promise<void>((resolve) => localServer.listen(0, '127.0.0.1', resolve));
    try {
      local.issuer = `http://127.0.0.1:${(localServer.address() as AddressInfo).port}/local/auth`;
      const token = local.idTokenFor(local.users[0]!);
      await expect(new JwksIdTokenVerifier(local, clock).verify(token)).resolves.toMatchObject({
        tenantId: 'acme',
        role: 'manager',
        username: 'mia',
      });
      await expect(verifier(clock, local.audience).verify(token)).rejects.toThrow(UnauthorizedError);
    } finally {
      await new Promise<void>((resolve) => localServer.close(() => resolve()));
    }
  });
});
