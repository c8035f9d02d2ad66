// The tenant's settings, edited as one form: saved as a JSON merge patch of only what changed, over the version that
// was read (If-Match), so a change someone else made meanwhile is never overwritten; refusals are shown at their field.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import type { TenantSettingsView } from '../api-types';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { FieldError, fieldErrorId, Problem } from '../components/problem';
import { useResource } from '../use-resource';
import type { ScreenProps } from './screen';
import { formOf, patchOf, SECTIONS, type SettingField } from './settings-fields';
import './settings.css';

const inputId = (path: string) => `setting-${path.replace(/\./g, '-')}`;

const INPUT_TYPES: Partial<Record<SettingField['kind'], string>> = {
  email: 'email',
  tel: 'tel',
  url: 'url',
  time: 'time',
  int: 'text',
};

const Field = (props: {
  field: SettingField;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) => {
  const { field, value, error } = props;
  const id = inputId(field.path);
  const hintId = `${id}-hint`;
  const describedBy = [field.hint ? hintId : null, error ? fieldErrorId(id) : null].filter(Boolean).join(' ');
  const common = {
    id,
    name: field.path,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    required: field.required,
  };
  return (
    <div class="setting">
      <label for={id}>{field.label}</label>
      {field.kind === 'select' ? (
        <select {...common} onChange={(event) => props.onInput(event.currentTarget.value)}>
          {field.options!.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : field.kind === 'lines' ? (
        <textarea {...common} rows={3} onInput={(event) => props.onInput(event.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type={INPUT_TYPES[field.kind] ?? 'text'}
          inputMode={field.kind === 'int' ? 'numeric' : undefined}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
      {field.hint ? (
        <p class="hint muted" id={hintId}>
          {field.hint}
        </p>
      ) : null}
      <FieldError inputId={id} message={error} />
    </div>
  );
};

export const SettingsScreen = (_props: ScreenProps) => {
  const tenant = useResource<TenantSettingsView>('/v1/tenant');
  const [settings, setSettings] = useState<TenantSettingsView | null>(null);
  const [form, setForm] = useState<Record<string, string>>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!tenant.data) return;
    setSettings(tenant.data);
    setForm(formOf(tenant.data));
    setError(null);
    setLocalErrors({});
  }, [tenant.data]);

  if (!settings) {
    return (
      <Page title="Settings">
        {tenant.loading ? <Loading what="the settings" /> : <Problem error={tenant.error} />}
      </Page>
    );
  }

  const stale = error instanceof ApiError && error.status === 412;
  const messageOf = (path: string) =>
    localErrors[path] ?? (error instanceof ApiError ? error.fieldMessage(path) : undefined);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    const { patch, errors } = patchOf(settings as unknown as Record<string, unknown>, form);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      setError(new Error(`${Object.keys(errors).length} field(s) need a change before saving.`));
      return;
    }
    if (Object.keys(patch).length === 0) {
      setError(null);
      setSaved('Nothing to save: no setting was changed.');
      return;
    }
    setSaving(true);
    try {
      const next = await api.patch<TenantSettingsView>('/v1/tenant', patch, {
        headers: { 'if-match': `"${settings.version}"` },
      });
      setSettings(next);
      setForm(formOf(next));
      setError(null);
      setSaved(`Settings saved (version ${next.version}).`);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title="Settings">
      <p class="muted">
        What your customers see of you (messages, portal, statements, letters) and how collections run. Version{' '}
        {settings.version}
        {settings.updatedBy ? `, last changed by ${settings.updatedBy}` : ''}.
      </p>
      {stale ? (
        <div class="problem" role="alert">
          <p>
            <strong>Someone changed these settings meanwhile.</strong> Reload to see their change; your edits here are
            not saved.
          </p>
          <button type="button" class="secondary" onClick={() => void tenant.reload()}>
            Reload the settings
          </button>
        </div>
      ) : (
        <Problem error={error} label={error instanceof ApiError ? undefined : 'Not saved.'} />
      )}
      <div role="status" aria-live="polite">
        {saved ? <p class="notice">{saved}</p> : null}
      </div>
      <form class="settings-form" onSubmit={(event) => void save(event)} noValidate>
        {SECTIONS.map((section) => (
          <fieldset key={section.title}>
            <legend>{section.title}</legend>
            <div class="settings-grid">
              {section.fields.map((field) => (
                <Field
                  key={field.path}
                  field={field}
                  value={form[field.path] ?? ''}
                  error={messageOf(field.path)}
                  onInput={(value) => setForm((current) => ({ ...current, [field.path]: value }))}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <div class="settings-actions">
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setForm(formOf(settings as never));
              setError(null);
              setLocalErrors({});
              setSaved(null);
            }}
          >
            Discard changes
          </button>
        </div>
      </form>
    </Page>
  );
};
