// The tenant's API keys for a manager: issue one with a role and a label (the key is shown this once, to copy), see
// which are in use, revoke one after a confirmation (it stops working on its next request).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import type { ApiKeyList, ApiKeyRecord, IssuedApiKey } from '../api-types';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { FieldError, fieldErrorId, Problem } from '../components/problem';
import { dateTime, readerZone } from '../format';
import { useResource } from '../use-resource';
import type { ScreenProps } from './screen';
import './api-keys.css';

type KeyRole = ApiKeyRecord['role'];
const ROLES: readonly { role: KeyRole; what: string }[] = [
  { role: 'partner', what: 'partner: a system sending customers, invoices, payments' },
  { role: 'collector', what: 'collector: the work on cases' },
  { role: 'manager', what: 'manager: everything' },
];

/** The new key, once: it is never stored and never shown again. */
const IssuedKey = (props: { issued: IssuedApiKey; onDone: () => void }) => {
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    await navigator.clipboard.writeText(props.issued.apiKey);
    setCopied(true);
  };
  return (
    <section class="card issued" aria-labelledby="issued-title">
      <h2 id="issued-title" tabIndex={-1} ref={heading}>
        Your new key{props.issued.name ? `: ${props.issued.name}` : ''}
      </h2>
      <p class="warning" role="alert">
        Copy this key now and keep it somewhere safe. It is shown this once: Arrears keeps only a fingerprint of it.
      </p>
      <label for="issued-key">API key ({props.issued.role})</label>
      <div class="issued-row">
        <input
          id="issued-key"
          class="secret"
          readOnly
          value={props.issued.apiKey}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p role="status" aria-live="polite" class="muted">
        {copied ? 'Copied to the clipboard.' : ''}
      </p>
      <button type="button" class="secondary" onClick={props.onDone}>
        I have stored it
      </button>
    </section>
  );
};

const IssueForm = (props: { onIssued: (key: IssuedApiKey) => void }) => {
  const [name, setName] = useState('');
  const [role, setRole] = useState<KeyRole>('partner');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const nameError = error instanceof ApiError ? error.fieldMessage('name') : undefined;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const issued = await api.post<IssuedApiKey>('/v1/api-keys', {
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      setName('');
      setError(null);
      props.onIssued(issued);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card issue" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="issue-title">
      <h2 id="issue-title">Issue a key</h2>
      <Problem error={error} label="No key issued." />
      <div class="issue-fields">
        <div>
          <label for="key-name">Label</label>
          <input
            id="key-name"
            value={name}
            placeholder="ERP sync, 2027"
            aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? fieldErrorId('key-name') : undefined}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <FieldError inputId="key-name" message={nameError} />
        </div>
        <div>
          <label for="key-role">Role</label>
          <select id="key-role" value={role} onChange={(event) => setRole(event.currentTarget.value as KeyRole)}>
            {ROLES.map((option) => (
              <option key={option.role} value={option.role}>
                {option.what}
              </option>
            ))}
          </select>
        </div>
        <div class="issue-submit">
          <button type="submit" disabled={busy}>
            {busy ? 'Issuing…' : 'Issue key'}
          </button>
        </div>
      </div>
    </form>
  );
};

const KeyRow = (props: {
  item: ApiKeyRecord;
  onRevoked: (item: ApiKeyRecord) => void;
  onError: (error: Error) => void;
}) => {
  const { item } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  const label = item.name ?? item.keyId;
  const revoke = async () => {
    setBusy(true);
    try {
      props.onRevoked(await api.delete<ApiKeyRecord>(`/v1/api-keys/${encodeURIComponent(item.keyId)}`));
    } catch (caught) {
      props.onError(caught as Error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <tr class={item.revokedAt ? 'revoked' : undefined}>
      <th scope="row">{item.name ?? <span class="muted">(no label)</span>}</th>
      <td>
        <code>{item.keyId}</code>
      </td>
      <td>{item.role}</td>
      <td>{item.issuedTo}</td>
      <td>{dateTime(item.createdAt, readerZone())}</td>
      <td>
        {item.revokedAt ? (
          <span class="badge">revoked {dateTime(item.revokedAt, readerZone())}</span>
        ) : (
          <span class="badge">active</span>
        )}
      </td>
      <td>
        {item.revokedAt ? null : confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby={`revoke-${item.keyId}`}>
            <p id={`revoke-${item.keyId}`}>
              <strong>Revoke {label}?</strong> Systems using it are refused from their next request.
            </p>
            <button type="button" class="danger" ref={confirm} disabled={busy} onClick={() => void revoke()}>
              Yes, revoke
            </button>{' '}
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="danger" aria-label={`Revoke ${label}`} onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
};

export const ApiKeysScreen = (_props: ScreenProps) => {
  const keys = useResource<ApiKeyList>('/v1/api-keys');
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  return (
    <Page title="API keys">
      <p class="muted">
        Keys let your systems call the Arrears API. Rotate one by issuing a new key, moving your systems over, then
        revoking the old one.
      </p>
      <div role="status" aria-live="polite">
        {notice ? <p class="notice">{notice}</p> : null}
      </div>
      <Problem error={error} />
      {issued ? (
        <IssuedKey issued={issued} onDone={() => setIssued(null)} />
      ) : (
        <IssueForm
          onIssued={(key) => {
            setIssued(key);
            setNotice(null);
            void keys.reload();
          }}
        />
      )}
      <h2>Keys</h2>
      {keys.loading && !keys.data ? <Loading what="the keys" /> : null}
      {keys.error ? <Problem error={keys.error} /> : null}
      {keys.data ? (
        <div class="table-scroll">
          <table class="grid keys">
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Key id</th>
                <th scope="col">Role</th>
                <th scope="col">Issued to</th>
                <th scope="col">Issued</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((item) => (
                <KeyRow
                  key={item.keyId}
                  item={item}
                  onRevoked={(revoked) => {
                    setNotice(`${revoked.name ?? revoked.keyId} is revoked.`);
                    setError(null);
                    void keys.reload();
                  }}
                  onError={setError}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
};
