// What the API itself keeps about each person it has changed (role and status) and the history of those changes: the
// authentication checks it on every call a person makes, so a deactivation or a role change holds at once, not when
// the person's id token expires an hour later.
import type { PersonAccess, PersonChange } from '../schemas/person.schema';

/** What the authentication needs (every API function carries it): the access alone. */
export interface PersonAccessReader {
  /** The person's recorded access, read consistently; null for a person no manager has changed through the API. */
  get(tenantId: string, username: string): Promise<PersonAccess | null>;
}

/** What the people routes need besides: writing access and its history, and reading the history. */
export interface PersonAccessStore extends PersonAccessReader {
  /** Records the person's access and the change that made it, together. */
  record(tenantId: string, access: PersonAccess, change: PersonChange): Promise<void>;
  /** The tenant's people changes, newest first. */
  history(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: PersonChange[]; nextCursor: string | null }>;
}
