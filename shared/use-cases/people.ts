// A manager's people: list them, invite one, change a role, deactivate and activate. The pool is the truth of who
// exists and may sign in; the table's access record is what every call a person makes is checked against, so a change
// holds at once and not when the person's id token expires.
import { ConflictError, NotFoundError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { PeopleDirectory, PooledPerson } from '../ports/people-directory.port';
import type { PersonAccessStore } from '../ports/person-access.port';
import type { ApiKeyGrant } from '../ports/tenant-directory.port';
import { actorOfPerson, USERNAME_PATTERN, type PersonRole } from '../schemas/id-token.schema';
import type { InvitePersonBody, Person, PersonChange, PersonStatus } from '../schemas/person.schema';
import { requireManager } from './collectors';

type Granted = { clock: Clock; people: PeopleDirectory; peopleRecords: PersonAccessStore };
/** Only the people routes are given the pool and the records (see withPeopleFromEnv). */
export type PeopleDeps = Pick<Granted, 'clock'> & Partial<Omit<Granted, 'clock'>>;

const granted = (deps: PeopleDeps): Granted => {
  if (!deps.people || !deps.peopleRecords) throw new Error('this function is not given the user pool and its records');
  return deps as Granted;
};

const withoutTenant = ({ tenantId: _tenantId, ...person }: PooledPerson): Person => person;

/** The person, if they are of the caller's tenant: another tenant's person looks exactly like nobody. */
const personOfTenant = async (deps: Granted, grant: ApiKeyGrant, username: string): Promise<PooledPerson> => {
  const person = await deps.people.getPerson(username);
  if (!person || person.tenantId !== grant.tenantId) throw new NotFoundError(`no person ${username}`);
  return person;
};

const isSelf = (grant: ApiKeyGrant, person: PooledPerson) =>
  grant.person.toLowerCase() === actorOfPerson(person.username).toLowerCase();

const record = async (
  deps: Granted,
  grant: ApiKeyGrant,
  person: { username: string; role: PersonRole; status: PersonStatus },
  action: PersonChange['action'],
  changes: PersonChange['changes'],
) => {
  const at = deps.clock.now().toISOString();
  await deps.peopleRecords.record(
    grant.tenantId,
    { username: person.username, role: person.role, status: person.status, changedAt: at, changedBy: grant.actor },
    { at, by: grant.actor, username: person.username, action, changes },
  );
};

/** Without a username given: the tenant, a dash and the e-mail's local part, reduced to what a username may hold. */
export const defaultUsername = (tenantId: string, email: string): string => {
  const local = email
    .split('@')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9._+-]/g, '');
  const candidate = `${tenantId}-${local || 'person'}`.slice(0, 128);
  return USERNAME_PATTERN.test(candidate) ? candidate : `${tenantId}-person`;
};

export const listPeople = async (given: PeopleDeps, grant: ApiKeyGrant): Promise<{ items: Person[] }> => {
  requireManager(grant, 'listing people');
  const deps = granted(given);
  return { items: await deps.people.listPeople(grant.tenantId) };
};

export const invitePerson = async (given: PeopleDeps, grant: ApiKeyGrant, body: InvitePersonBody): Promise<Person> => {
  requireManager(grant, 'inviting a person');
  const deps = granted(given);
  const username = body.username ?? defaultUsername(grant.tenantId, body.email);
  const invited = await deps.people.invite({
    tenantId: grant.tenantId,
    username,
    email: body.email,
    name: body.name,
    role: body.role,
  });
  if (invited === 'taken')
    throw new ConflictError(
      `the username ${username} or the e-mail ${body.email} is already someone's: choose another username`,
      'person-exists',
      { username },
    );
  await record(deps, grant, invited, 'invited', [
    { path: 'role', before: null, after: invited.role },
    { path: 'status', before: null, after: 'active' },
  ]);
  return withoutTenant(invited);
};

export const changeRole = async (
  given: PeopleDeps,
  grant: ApiKeyGrant,
  username: string,
  role: PersonRole,
): Promise<Person> => {
  requireManager(grant, "changing a person's role");
  const deps = granted(given);
  const person = await personOfTenant(deps, grant, username);
  const recorded = await deps.peopleRecords.get(grant.tenantId, person.username);
  if (person.role === role && (recorded?.role ?? role) === role) return withoutTenant(person);
  // A tenant must never be left without anyone who can manage it by a slip of the manager's own hand.
  if (isSelf(grant, person))
    throw new ConflictError('you cannot change your own role: ask another manager', 'own-role', { username });
  await deps.people.setRole(person.username, role);
  const changed = { ...person, role };
  await record(deps, grant, changed, 'role-changed', [{ path: 'role', before: person.role, after: role }]);
  return withoutTenant(changed);
};

export const setPersonStatus = async (
  given: PeopleDeps,
  grant: ApiKeyGrant,
  username: string,
  status: PersonStatus,
): Promise<Person> => {
  requireManager(grant, status === 'active' ? 'activating a person' : 'deactivating a person');
  const deps = granted(given);
  const person = await personOfTenant(deps, grant, username);
  if (status === 'deactivated' && isSelf(grant, person))
    throw new ConflictError('you cannot deactivate yourself: ask another manager', 'own-account', { username });
  const recorded = await deps.peopleRecords.get(grant.tenantId, person.username);
  // A retry of a change already made changes nothing and adds nothing to the history.
  if (person.status === status && (recorded?.status ?? 'active') === status) return withoutTenant(person);
  const changed = { ...person, status };
  const change: PersonChange['changes'] = [{ path: 'status', before: person.status, after: status }];
  if (status === 'deactivated') {
    // The table first: from this write on, every call with the person's token is refused, whatever Cognito does next.
    await record(deps, grant, changed, 'deactivated', change);
    await deps.people.deactivate(person.username);
  } else {
    await deps.people.enable(person.username);
    await record(deps, grant, changed, 'activated', change);
  }
  return withoutTenant(changed);
};

export const peopleHistory = (given: PeopleDeps, grant: ApiKeyGrant, limit: number, cursor: string | undefined) => {
  requireManager(grant, "reading the people's history");
  const deps = granted(given);
  return deps.peopleRecords.history(grant.tenantId, limit, cursor);
};
