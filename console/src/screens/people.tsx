// The tenant's people for a manager: who they are and their role, inviting a person, moving one to another role, and
// deactivating (after a confirmation: they are refused from their next click) or activating them; the changes' history.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import type { PeopleHistoryPage, PeopleList, Person } from '../api-types';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { FieldError, fieldErrorId, Problem } from '../components/problem';
import { dateTime, readerZone } from '../format';
import { useSession } from '../session-context';
import { useResource } from '../use-resource';
import type { ScreenProps } from './screen';
import './people.css';

type Role = Person['role'];
const ROLES: readonly Role[] = ['collector', 'manager'];

const InviteForm = (props: { onInvited: (person: Person) => void }) => {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('collector');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldMessage = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const person = await api.post<Person>('/v1/people', { email: email.trim(), name: name.trim(), role });
      setEmail('');
      setName('');
      setError(null);
      props.onInvited(person);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (path: string) => (fieldMessage(path) ? ('true' as const) : undefined);
  return (
    <form class="card invite" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a person</h2>
      <Problem error={error} label="Not invited." />
      <div class="invite-fields">
        <div>
          <label for="invite-name">Name</label>
          <input
            id="invite-name"
            value={name}
            autocomplete="off"
            aria-invalid={invalid('name')}
            aria-describedby={fieldMessage('name') ? fieldErrorId('invite-name') : undefined}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <FieldError inputId="invite-name" message={fieldMessage('name')} />
        </div>
        <div>
          <label for="invite-email">E-mail</label>
          <input
            id="invite-email"
            type="email"
            value={email}
            autocomplete="off"
            aria-invalid={invalid('email')}
            aria-describedby={fieldMessage('email') ? fieldErrorId('invite-email') : undefined}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
          <FieldError inputId="invite-email" message={fieldMessage('email')} />
        </div>
        <div>
          <label for="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <div class="invite-submit">
          <button type="submit" disabled={busy}>
            {busy ? 'Inviting…' : 'Invite'}
          </button>
        </div>
      </div>
      <p class="muted">They receive an e-mail with a temporary password and set up an authenticator app.</p>
    </form>
  );
};

/** Asks before deactivating: the person is refused from their next click and signed out everywhere. */
const ConfirmDeactivate = (props: { person: Person; onConfirm: () => void; onCancel: () => void }) => {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const id = `confirm-${props.person.username}`;
  return (
    <div class="confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <p id={`${id}-title`}>
        <strong>Deactivate {props.person.name}?</strong>
      </p>
      <p id={`${id}-text`}>They are refused from their next click, signed out everywhere, and cannot sign in.</p>
      <button type="button" class="danger" ref={confirm} onClick={props.onConfirm}>
        Yes, deactivate
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
};

const PersonRow = (props: {
  person: Person;
  self: boolean;
  onChanged: (message: string) => void;
  onError: (error: Error) => void;
}) => {
  const { person, self } = props;
  const [role, setRole] = useState<Role>(person.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRole(person.role), [person.role]);
  const path = `/v1/people/${encodeURIComponent(person.username)}`;

  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await work();
      props.onChanged(message);
    } catch (caught) {
      props.onError(caught as Error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const roleId = `role-${person.username}`;
  return (
    <tr>
      <th scope="row">
        {person.name}
        {self ? <span class="muted"> (you)</span> : null}
      </th>
      <td>{person.username}</td>
      <td>{person.email}</td>
      <td>
        {self ? (
          person.role
        ) : (
          <div class="role-change">
            <label class="visually-hidden" for={roleId}>
              Role of {person.name}
            </label>
            <select id={roleId} value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
            {role !== person.role ? (
              <button
                type="button"
                class="secondary"
                disabled={busy}
                aria-label={`Change the role of ${person.name} to ${role}`}
                onClick={() => void act(() => api.put(`${path}/role`, { role }), `${person.name} is now a ${role}.`)}
              >
                Change role
              </button>
            ) : null}
          </div>
        )}
      </td>
      <td>
        <span class={`badge status-${person.status}`}>{person.status}</span>
      </td>
      <td>{dateTime(person.createdAt, readerZone())}</td>
      <td>
        {self ? null : person.status === 'active' ? (
          confirming ? (
            <ConfirmDeactivate
              person={person}
              onCancel={() => setConfirming(false)}
              onConfirm={() =>
                void act(() => api.post(`${path}/deactivate`), `${person.name} is deactivated and signed out.`)
              }
            />
          ) : (
            <button
              type="button"
              class="danger"
              disabled={busy}
              aria-label={`Deactivate ${person.name}`}
              onClick={() => setConfirming(true)}
            >
              Deactivate
            </button>
          )
        ) : (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            aria-label={`Activate ${person.name}`}
            onClick={() => void act(() => api.post(`${path}/activate`), `${person.name} can sign in again.`)}
          >
            Activate
          </button>
        )}
      </td>
    </tr>
  );
};

const ACTIONS: Record<PeopleHistoryPage['items'][number]['action'], string> = {
  invited: 'invited',
  'role-changed': 'changed the role of',
  deactivated: 'deactivated',
  activated: 'activated',
};

const History = (props: { version: number }) => {
  const history = useResource<PeopleHistoryPage>('/v1/people/history', { limit: 10 });
  const { reload } = history;
  // Read again after each change made on this screen.
  useEffect(() => {
    if (props.version > 0) void reload();
  }, [props.version]);
  if (history.loading && !history.data) return <Loading what="the history" />;
  if (history.error) return <Problem error={history.error} />;
  const items = history.data?.items ?? [];
  if (items.length === 0) return <p class="muted">No changes yet.</p>;
  return (
    <ul class="people-history">
      {items.map((change) => (
        <li key={`${change.at}-${change.username}-${change.action}`}>
          <span class="muted">{dateTime(change.at, readerZone())}</span> · {change.by} {ACTIONS[change.action]}{' '}
          <strong>{change.username}</strong>
          {change.changes
            .filter((field) => field.before !== null)
            .map((field) => ` (${field.path}: ${String(field.before)} → ${String(field.after)})`)
            .join('')}
        </li>
      ))}
    </ul>
  );
};

export const PeopleScreen = (_props: ScreenProps) => {
  const { person: me } = useSession();
  const people = useResource<PeopleList>('/v1/people');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [version, setVersion] = useState(0);

  const changed = (message: string) => {
    setNotice(message);
    setError(null);
    setVersion((current) => current + 1);
    void people.reload();
  };
  const failed = (caught: Error) => {
    setNotice(null);
    setError(caught);
  };

  return (
    <Page title="People">
      <div role="status" aria-live="polite">
        {notice ? <p class="notice">{notice}</p> : null}
      </div>
      <Problem error={error} />
      <InviteForm
        onInvited={(person) =>
          changed(`${person.name} is invited as a ${person.role}: they sign in as ${person.username}.`)
        }
      />
      <h2>Everyone in {me.tenantId}</h2>
      {people.loading && !people.data ? <Loading what="the people" /> : null}
      {people.error ? <Problem error={people.error} /> : null}
      {people.data ? (
        <div class="table-scroll">
          <table class="grid people">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Username</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.data.items.map((person) => (
                <PersonRow
                  key={person.username}
                  person={person}
                  self={person.username.toLowerCase() === me.username.toLowerCase()}
                  onChanged={changed}
                  onError={failed}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>Recent changes</h2>
      <History version={version} />
    </Page>
  );
};
