// A local stand-in for the Cognito user pool: the people of ARREARS_LOCAL_USERS and everyone a manager invites, served
// over Cognito's own JSON protocol (the admin calls the people routes make), so the functions manage people with the
// real SDK client and adapter and the local IAM enforcement checks each call. The local identity provider signs in
// from the same list: an invited person can sign in, a disabled one cannot, a new role is in the next token.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PERSON_GROUPS, roleOfGroups, type PersonRole } from '../shared/schemas/id-token.schema';
import type { LocalUser } from './people';

const TENANT_ATTRIBUTE = 'custom:tenantId';
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

export interface PoolUser {
  username: string;
  tenantId: string;
  name: string;
  email: string;
  groups: Set<PersonRole>;
  enabled: boolean;
  createdAt: Date;
  /** Invited people must choose a password at their first (deployed) sign-in; the seeded ones are confirmed. */
  status: 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';
}

/** A Cognito fault as the SDK reads it: its name in `__type`, status 400. */
class Fault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export class LocalUserPool {
  /** By lowercased username: sign-in ignores case, as the deployed pool's does. */
  private readonly users = new Map<string, PoolUser>();

  constructor(
    readonly userPoolId: string,
    seed: readonly LocalUser[],
    private readonly now: () => Date,
  ) {
    for (const user of seed) {
      this.users.set(user.username.toLowerCase(), {
        username: user.username,
        tenantId: user.tenantId,
        name: user.name,
        email: `${user.username.toLowerCase()}@${user.tenantId}.arrears.local`,
        groups: new Set([user.role]),
        enabled: true,
        createdAt: now(),
        status: 'CONFIRMED',
      });
    }
  }

  find(username: string): PoolUser | undefined {
    return this.users.get(username.toLowerCase());
  }

  /** The people who may sign in now: enabled and in a role's group, with that role. */
  signInUsers(): LocalUser[] {
    return [...this.users.values()].flatMap((user) => {
      const role = roleOfGroups([...user.groups]);
      return user.enabled && role ? [{ tenantId: user.tenantId, username: user.username, role, name: user.name }] : [];
    });
  }

  /** One admin call of Cognito's API: its answer, or a Fault. */
  call(operation: string, input: Record<string, unknown>): unknown {
    if (input.UserPoolId !== this.userPoolId)
      throw new Fault('ResourceNotFoundException', `User pool ${String(input.UserPoolId)} does not exist.`);
    const existing = () => {
      const user = this.find(String(input.Username ?? ''));
      if (!user) throw new Fault('UserNotFoundException', 'User does not exist.');
      return user;
    };
    const group = () => {
      const name = String(input.GroupName ?? '');
      if (!(PERSON_GROUPS as readonly string[]).includes(name))
        throw new Fault('ResourceNotFoundException', 'Group not found.');
      return name as PersonRole;
    };
    switch (operation) {
      case 'ListUsersInGroup': {
        const name = group();
        const members = [...this.users.values()].filter((user) => user.groups.has(name));
        const start = Number(input.NextToken ?? 0);
        const limit = Number(input.Limit ?? 60);
        const page = members.slice(start, start + limit);
        const next = start + limit < members.length ? String(start + limit) : undefined;
        return { Users: page.map((user) => this.userType(user, 'Attributes')), ...(next ? { NextToken: next } : {}) };
      }
      case 'AdminGetUser': {
        const user = existing();
        return { ...this.userType(user, 'UserAttributes'), MFAOptions: [] };
      }
      case 'AdminListGroupsForUser':
        return {
          Groups: [...existing().groups].map((name) => ({ GroupName: name, UserPoolId: this.userPoolId })),
        };
      case 'AdminCreateUser':
        return { User: this.userType(this.create(input), 'Attributes') };
      case 'AdminAddUserToGroup':
        existing().groups.add(group());
        return {};
      case 'AdminRemoveUserFromGroup':
        existing().groups.delete(group());
        return {};
      case 'AdminDisableUser':
        existing().enabled = false;
        return {};
      case 'AdminEnableUser':
        existing().enabled = true;
        return {};
      case 'AdminUserGlobalSignOut':
        // Refresh tokens are not played locally: the sign-in page is the only way to a token.
        existing();
        return {};
      default:
        throw new Fault('InvalidParameterException', `the local user pool does not serve ${operation}`);
    }
  }

  private create(input: Record<string, unknown>): PoolUser {
    const username = String(input.Username ?? '');
    const attributes = new Map(
      ((input.UserAttributes as { Name: string; Value: string }[] | undefined) ?? []).map((a) => [a.Name, a.Value]),
    );
    const email = attributes.get('email') ?? '';
    const tenantId = attributes.get(TENANT_ATTRIBUTE) ?? '';
    if (!username || !email || !tenantId)
      throw new Fault('InvalidParameterException', 'Username, email and custom:tenantId are required.');
    if (this.find(username)) throw new Fault('UsernameExistsException', 'User account already exists.');
    if ([...this.users.values()].some((user) => user.email.toLowerCase() === email.toLowerCase()))
      throw new Fault('AliasExistsException', 'An account with the given email already exists.');
    const user: PoolUser = {
      username,
      tenantId,
      name: attributes.get('name') ?? username,
      email,
      groups: new Set(),
      enabled: true,
      createdAt: this.now(),
      status: 'FORCE_CHANGE_PASSWORD',
    };
    this.users.set(username.toLowerCase(), user);
    return user;
  }

  private userType(user: PoolUser, attributesAs: 'Attributes' | 'UserAttributes') {
    return {
      Username: user.username,
      [attributesAs]: [
        { Name: 'sub', Value: user.username },
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: user.name },
        { Name: TENANT_ATTRIBUTE, Value: user.tenantId },
      ],
      UserCreateDate: user.createdAt.getTime() / 1000,
      UserLastModifiedDate: user.createdAt.getTime() / 1000,
      Enabled: user.enabled,
      UserStatus: user.status,
    };
  }
}

export interface LocalUserPoolServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** Serves the pool over HTTP as Cognito's endpoint would (x-amz-json-1.1, the operation in X-Amz-Target). */
export const startLocalUserPoolServer = async (pool: LocalUserPool): Promise<LocalUserPoolServer> => {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      const target = String(request.headers['x-amz-target'] ?? '');
      try {
        if (!target.startsWith(TARGET_PREFIX)) throw new Fault('InvalidParameterException', 'not a Cognito request');
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        answer(200, pool.call(target.slice(TARGET_PREFIX.length), input));
      } catch (error) {
        if (error instanceof Fault) answer(400, { __type: error.type, message: error.message });
        else answer(400, { __type: 'InvalidParameterException', message: (error as Error).message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
