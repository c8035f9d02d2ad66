// The people who sign in, as the identity provider holds them (the Cognito user pool deployed, its stand-in locally):
// one pool for every tenant, each person bound to one tenant by `custom:tenantId` and given a role by group.
import type { PersonRole } from '../schemas/id-token.schema';
import type { Person } from '../schemas/person.schema';

export type PooledPerson = Person & { tenantId: string };

export interface NewPerson {
  tenantId: string;
  username: string;
  email: string;
  name: string;
  role: PersonRole;
}

export interface PeopleDirectory {
  /** The tenant's people, in every role's group, enabled or not. */
  listPeople(tenantId: string): Promise<Person[]>;
  /** One person of any tenant (the caller checks the tenant), or null. */
  getPerson(username: string): Promise<PooledPerson | null>;
  /** Creates the person and puts them in their role's group; 'taken' when the username or e-mail is in use. */
  invite(person: NewPerson): Promise<PooledPerson | 'taken'>;
  /** Moves the person from the other role's group to this one's. */
  setRole(username: string, role: PersonRole): Promise<void>;
  /** Disables sign-in and signs the person out everywhere (their refresh tokens stop working). */
  deactivate(username: string): Promise<void>;
  enable(username: string): Promise<void>;
}
