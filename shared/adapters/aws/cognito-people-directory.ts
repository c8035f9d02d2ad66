// The people of every tenant in the Cognito user pool: each bound to a tenant by `custom:tenantId` and given a role by
// group. Cognito cannot filter users by a custom attribute, so a tenant's people are its groups' members filtered here.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  ListUsersInGroupCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { NewPerson, PeopleDirectory, PooledPerson } from '../../ports/people-directory.port';
import { PERSON_GROUPS, roleOfGroups, type PersonRole } from '../../schemas/id-token.schema';
import type { Person } from '../../schemas/person.schema';

export const TENANT_ATTRIBUTE = 'custom:tenantId';

interface PoolUser {
  Username?: string;
  Enabled?: boolean;
  UserCreateDate?: Date;
  Attributes?: AttributeType[];
  UserAttributes?: AttributeType[];
}

const attribute = (user: PoolUser, name: string): string | undefined =>
  (user.Attributes ?? user.UserAttributes)?.find((candidate) => candidate.Name === name)?.Value;

const personOf = (user: PoolUser, role: PersonRole): PooledPerson => ({
  username: user.Username ?? '',
  name: attribute(user, 'name') ?? user.Username ?? '',
  email: attribute(user, 'email') ?? '',
  role,
  status: user.Enabled === false ? 'deactivated' : 'active',
  createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
  tenantId: attribute(user, TENANT_ATTRIBUTE) ?? '',
});

const isTaken = (error: unknown) =>
  ['UsernameExistsException', 'AliasExistsException'].includes((error as { name?: string }).name ?? '');
const isMissing = (error: unknown) => (error as { name?: string }).name === 'UserNotFoundException';

export class CognitoPeopleDirectory implements PeopleDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async listPeople(tenantId: string): Promise<Person[]> {
    const byName = new Map<string, Person>();
    // Manager first: a person in both groups is listed once, as a manager (as the API treats them).
    for (const role of PERSON_GROUPS) {
      let NextToken: string | undefined;
      do {
        const page = await this.client.send(
          new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: role, Limit: 60, NextToken }),
        );
        for (const user of page.Users ?? []) {
          if (attribute(user, TENANT_ATTRIBUTE) !== tenantId || !user.Username) continue;
          if (byName.has(user.Username)) continue;
          const person: Person & { tenantId?: string } = personOf(user, role);
          delete person.tenantId;
          byName.set(user.Username, person);
        }
        NextToken = page.NextToken;
      } while (NextToken);
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name) || a.username.localeCompare(b.username));
  }

  async getPerson(username: string): Promise<PooledPerson | null> {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      const groups = await this.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username }),
      );
      const role = roleOfGroups((groups.Groups ?? []).map((group) => group.GroupName ?? ''));
      // A person in no role's group is not one of the tenant's people the console manages.
      return role ? personOf(user, role) : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async invite(person: NewPerson): Promise<PooledPerson | 'taken'> {
    let created;
    try {
      created = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: person.username,
          UserAttributes: [
            { Name: 'email', Value: person.email },
            // The manager vouches for the address; the invitation with the temporary password goes to it.
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: person.name },
            { Name: TENANT_ATTRIBUTE, Value: person.tenantId },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (error) {
      if (isTaken(error)) return 'taken';
      throw error;
    }
    await this.client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.userPoolId,
        Username: person.username,
        GroupName: person.role,
      }),
    );
    return personOf(created.User ?? { Username: person.username }, person.role);
  }

  async setRole(username: string, role: PersonRole): Promise<void> {
    // Into the new group first: a failure in between leaves the person with both roles for a moment, never with none.
    await this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: role }),
    );
    for (const other of PERSON_GROUPS.filter((group) => group !== role)) {
      await this.client.send(
        new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: other }),
      );
    }
  }

  async deactivate(username: string): Promise<void> {
    await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async enable(username: string): Promise<void> {
    await this.client.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
  }
}
