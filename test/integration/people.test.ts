// A manager's people through the API, against DynamoDB Local and the user pool's local stand-in, every AWS call checked
// against the synthesized roles: invite, change a role, deactivate and activate, each taking effect on the person's
// very next call, each on the history; another tenant's person is nobody; a function without the grant is refused.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createHandler as createList } from '../../functions/api/list-people.handler';
import { createHandler as createInvite } from '../../functions/api/post-person.handler';
import { createHandler as createRole } from '../../functions/api/put-person-role.handler';
import { createHandler as createDeactivate } from '../../functions/api/post-person-deactivate.handler';
import { createHandler as createActivate } from '../../functions/api/post-person-activate.handler';
import { createHandler as createHistory } from '../../functions/api/get-people-history.handler';
import { createHandler as createGetTenant } from '../../functions/api/get-tenant.handler';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/dynamodb-local';
import { LocalIdentityProvider } from '../../local/identity-provider';
import { AccessDeniedException, IamEnforcement } from '../../local/iam/enforcement';
import { runAsFunction } from '../../local/iam/function-scope';
import { localUserPoolId } from '../../local/iam/template-resolver';
import { synthesizedTemplates } from '../../local/synthesized-app';
import { parseLocalUsers } from '../../local/people';
import { LocalUserPool, startLocalUserPoolServer, type LocalUserPoolServer } from '../../local/user-pool';
import { CognitoPeopleDirectory } from '../../shared/adapters/aws/cognito-people-directory';
import { DynamoPersonAccessStore } from '../../shared/adapters/dynamodb/person-access.dynamodb';
import type { ApiDependencies } from '../../shared/env/api-dependencies';
import type { IdTokenVerifier } from '../../shared/ports/id-tokens.port';
import { IdTokenClaimsSchema, roleOfGroups } from '../../shared/schemas/id-token.schema';
import { seedTenants } from '../../local/tenants';
import { apiEvent, asRoute, context } from '../fixtures/api-event';
import { withoutGrant } from '../fixtures/iam-grants';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';

const POOL_ID = localUserPoolId(LOCAL_REGION);
const clock = fixedClock('2027-02-01T09:00:00Z');
let table: TestTable;
let deps: ApiDependencies;
let server: LocalUserPoolServer;
let cognito: CognitoIdentityProviderClient;
let identity: LocalIdentityProvider;

/** The signature is the local identity provider's business (its own tests): here only the claims matter. */
const claimsOnly: IdTokenVerifier = {
  verify: async (token) => {
    const claims = IdTokenClaimsSchema.parse(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()));
    return {
      tenantId: claims['custom:tenantId'],
      role: roleOfGroups(claims['cognito:groups'])!,
      username: claims['cognito:username'],
      sub: claims.sub,
    };
  },
};

beforeAll(async () => {
  table = await createTestTable();
  const tenants = [
    { tenantId: 'acme', apiKey: 'acme-partner-key-0001', stripeWebhookSecret: 'whsec_a' },
    { tenantId: 'other', apiKey: 'other-partner-key-001', stripeWebhookSecret: 'whsec_o' },
  ];
  const pool = new LocalUserPool(
    POOL_ID,
    parseLocalUsers(
      'acme:ann:manager:Ann Alder,acme:bo:manager:Bo Birch,acme:cy:collector,other:ola:collector',
      tenants,
    ),
    () => clock.now(),
  );
  identity = new LocalIdentityProvider(pool, clock);
  identity.issuer = 'http://localhost/local/auth';
  server = await startLocalUserPoolServer(pool);
  cognito = table.iam.instrument(
    new CognitoIdentityProviderClient({
      endpoint: server.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
  deps = {
    ...table.deps(clock),
    idTokens: claimsOnly,
    people: new CognitoPeopleDirectory(cognito, POOL_ID),
    peopleRecords: new DynamoPersonAccessStore(table.client, table.tableName),
  };
  await seedTenants(deps.tenants, tenants, clock.now());
});
afterAll(async () => {
  cognito.destroy();
  await server.stop();
  table.destroy();
});

const tokenOf = (username: string) => {
  const user = identity.users.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`${username} cannot sign in`);
  return identity.idTokenFor(user);
};

type Handler = (deps: ApiDependencies) => (event: never, context: never) => Promise<unknown>;
const call = async (
  create: Handler,
  bearer: string,
  method: string,
  routePath: string,
  options: { username?: string; body?: unknown } = {},
) => {
  const path = options.username ? routePath.replace('{username}', options.username) : routePath;
  const response = (await asRoute(create(deps) as never)(
    apiEvent({
      method,
      routePath,
      path,
      ...(options.username ? { pathParameters: { username: options.username } } : {}),
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(method === 'GET' ? {} : { 'idempotency-key': `${Math.random()}` }),
      },
      ...(options.body === undefined ? {} : { body: options.body }),
    }),
    context(),
  )) as { statusCode: number; body?: string };
  return { status: response.statusCode, body: JSON.parse(response.body ?? '{}') };
};
const asAnn = () => tokenOf('ann');
const list = (bearer = asAnn()) => call(createList, bearer, 'GET', '/v1/people');
const invite = (body: unknown) => call(createInvite, asAnn(), 'POST', '/v1/people', { body });
const setRole = (username: string, role: string, bearer = asAnn()) =>
  call(createRole, bearer, 'PUT', '/v1/people/{username}/role', { username, body: { role } });
const deactivate = (username: string, bearer = asAnn()) =>
  call(createDeactivate, bearer, 'POST', '/v1/people/{username}/deactivate', { username });
const activate = (username: string) =>
  call(createActivate, asAnn(), 'POST', '/v1/people/{username}/activate', { username });
const readTenant = (bearer: string) => call(createGetTenant, bearer, 'GET', '/v1/tenant');

describe("a manager's people", () => {
  it("lists the tenant's people with their roles, and no other tenant's", async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((person: { username: string; role: string; status: string }) => person)).toEqual([
      expect.objectContaining({ username: 'ann', name: 'Ann Alder', role: 'manager', status: 'active' }),
      expect.objectContaining({ username: 'bo', role: 'manager', status: 'active' }),
      expect.objectContaining({ username: 'cy', role: 'collector', status: 'active' }),
    ]);
    expect((await list(tokenOf('cy'))).status).toBe(403);
  });

  it('invites a collector, who can then sign in as one; a taken username or a bad e-mail is refused', async () => {
    const invited = await invite({ email: 'dee@acme.example', name: 'Dee Dunn', role: 'collector' });
    expect(invited).toEqual({
      status: 201,
      body: expect.objectContaining({ username: 'acme-dee', email: 'dee@acme.example', role: 'collector' }),
    });
    expect(identity.users).toContainEqual({
      tenantId: 'acme',
      username: 'acme-dee',
      role: 'collector',
      name: 'Dee Dunn',
    });
    expect((await readTenant(tokenOf('acme-dee'))).status).toBe(200);
    const again = await invite({
      email: 'dee2@acme.example',
      name: 'Dee Again',
      role: 'collector',
      username: 'acme-dee',
    });
    expect(again.status).toBe(409);
    const bad = await invite({ email: 'not an address', name: 'X', role: 'partner' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['email', 'role']);
  });

  it("changes a role: the person's earlier token is refused, their next one carries the new role", async () => {
    const before = tokenOf('cy');
    expect((await setRole('cy', 'manager')).body).toEqual(expect.objectContaining({ username: 'cy', role: 'manager' }));
    const refused = await readTenant(before);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain('role changed: sign in again');
    expect(JSON.parse(Buffer.from(tokenOf('cy').split('.')[1]!, 'base64url').toString())['cognito:groups']).toEqual([
      'manager',
    ]);
    expect((await list(tokenOf('cy'))).status).toBe(200);
  });

  it('deactivates a person at once: their token is refused and they cannot sign in; activating lets them back', async () => {
    const token = tokenOf('acme-dee');
    expect((await deactivate('acme-dee')).body.status).toBe('deactivated');
    expect((await readTenant(token)).status).toBe(401);
    expect(identity.users.map((user) => user.username)).not.toContain('acme-dee');
    const signIn = identity.handle('POST', '/local/auth/token', Buffer.from(JSON.stringify({ username: 'acme-dee' })));
    expect(signIn?.status).toBe(403);
    expect((await list()).body.items).toContainEqual(
      expect.objectContaining({ username: 'acme-dee', status: 'deactivated' }),
    );
    expect((await activate('acme-dee')).body.status).toBe('active');
    expect((await readTenant(tokenOf('acme-dee'))).status).toBe(200);
  });

  it('refuses a manager deactivating or demoting themselves, and treats another tenant’s person as nobody', async () => {
    const self = await deactivate('ann');
    expect(self.status).toBe(409);
    expect(self.body.type).toMatch(/own-account$/);
    expect((await setRole('ann', 'collector')).status).toBe(409);
    expect((await deactivate('ola')).status).toBe(404);
    expect((await setRole('nobody-at-all', 'collector')).status).toBe(404);
    expect((await readTenant(asAnn())).status).toBe(200);
  });

  it('keeps every change on the history, newest first (in the order made, even at one instant): who, when, what', async () => {
    const answer = await call(createHistory, asAnn(), 'GET', '/v1/people/history');
    expect(answer.status).toBe(200);
    expect(
      answer.body.items.map((change: { action: string; username: string }) => [change.action, change.username]),
    ).toEqual([
      ['activated', 'acme-dee'],
      ['deactivated', 'acme-dee'],
      ['role-changed', 'cy'],
      ['invited', 'acme-dee'],
    ]);
    expect(answer.body.items[0]).toEqual(expect.objectContaining({ by: 'person:ann', at: '2027-02-01T09:00:00.000Z' }));
    expect(answer.body.items.find((change: { action: string }) => change.action === 'role-changed').changes).toEqual([
      { path: 'role', before: 'collector', after: 'manager' },
    ]);
  });
});

describe('the user pool behind the local IAM enforcement', () => {
  it('refuses a function its role does not grant the call, as AWS would', async () => {
    const templates = withoutGrant(synthesizedTemplates(), 'PostPersonDeactivate', 'cognito-idp:AdminDisableUser');
    const strict = new IamEnforcement({ tableName: table.tableName, templates });
    const client = strict.instrument(
      new CognitoIdentityProviderClient({
        endpoint: server.endpoint,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    const directory = new CognitoPeopleDirectory(client, POOL_ID);
    try {
      await expect(runAsFunction('PostPersonDeactivate', () => directory.deactivate('bo'))).rejects.toBeInstanceOf(
        AccessDeniedException,
      );
      // A route that manages no people may not even list them.
      await expect(runAsFunction('GetTenant', () => directory.listPeople('acme'))).rejects.toThrow(
        /cognito-idp:ListUsersInGroup/,
      );
      expect(strict.denials.map((denial) => denial.action)).toEqual([
        'cognito-idp:AdminDisableUser',
        'cognito-idp:ListUsersInGroup',
      ]);
      expect(identity.users.map((user) => user.username)).toContain('bo');
    } finally {
      client.destroy();
    }
  });
});
