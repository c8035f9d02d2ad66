// The strategy editor (#/strategies/:id, #/strategies/new): a ladder's name, what it applies to, its steps and interest
// rule, checked by the API as the person types, with the dates and local times a sample invoice would get; managers save.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, type FieldError } from '../api';
import type { Strategy, StrategyList, TenantSettingsView } from '../api-types';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { parseMajor, readerZone } from '../format';
import { href, navigate } from '../router';
import { useSession } from '../session-context';
import { useResource } from '../use-resource';
import type { ScreenProps } from './screen';
import { bodyOf, draftOf, INTEREST_RULES, newDraft, SCORE_BANDS, type Draft } from './strategy/draft';
import { SelectField, TextField } from './strategy/fields';
import { PreviewTable } from './strategy/preview-table';
import { StepsEditor } from './strategy/steps-editor';
import { usePreview, type Sample } from './strategy/use-preview';
import './strategy.css';

const today = () => new Date().toISOString().slice(0, 10);

interface SampleDraft {
  dueDate: string;
  timeZone: string;
  amount: string;
  currency: string;
}

const sampleOf = (draft: SampleDraft): Sample => {
  const currency = draft.currency.trim();
  const amount = draft.amount.trim() ? parseMajor(draft.amount, currency || 'EUR') : undefined;
  return {
    dueDate: draft.dueDate,
    timeZone: draft.timeZone,
    // A sample amount that is not an amount is sent as typed, for the API to name.
    ...(amount === undefined ? {} : { amount: amount ?? (draft.amount as unknown as number) }),
    ...(currency ? { currency } : {}),
  };
};

/** Every zone the browser knows, for the sample's zone field. */
const ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/** Paths the form shows beside a field: any other refusal is listed above the form. */
const placed = (path: string, steps: number): boolean => {
  if (['name', 'appliesTo.segment', 'appliesTo.scoreBand', 'appliesTo.minAmount', 'steps'].includes(path)) return true;
  if (['interest.rule', 'interest.annualRatePercent', 'path.strategyId'].includes(path)) return true;
  const step = /^steps\.(\d+)\.(id|offsetDays|channel|template|fee|fee\.amount|fee\.currency|fee\.percent)$/.exec(path);
  return step !== null && Number(step[1]) < steps;
};

export const StrategyScreen = (props: ScreenProps) => {
  const { person } = useSession();
  const isNew = props.params.id === 'new';
  const canEdit = person.role === 'manager';
  const stored = useResource<Strategy>(isNew ? null : `/v1/strategies/${encodeURIComponent(props.params.id ?? '')}`);
  const tenant = useResource<TenantSettingsView>('/v1/tenant');
  const all = useResource<StrategyList>('/v1/strategies');
  const currency = tenant.data?.baseCurrency ?? 'EUR';

  const [newId, setNewId] = useState('');
  const [draft, setDraft] = useState<Draft | null>(isNew ? newDraft() : null);
  const [sample, setSample] = useState<SampleDraft>({
    dueDate: today(),
    timeZone: readerZone(),
    amount: '1000',
    currency: '',
  });
  const [saveErrors, setSaveErrors] = useState<FieldError[]>([]);
  const [saveFailure, setSaveFailure] = useState<Error | null>(null);
  const [saved, setSaved] = useState<Strategy | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!tenant.data) return;
    setSample((before) => (before.currency ? before : { ...before, currency }));
    if (draft === null && stored.data) setDraft(draftOf(stored.data, currency));
  }, [stored.data, tenant.data]);

  const body = useMemo(() => (draft && tenant.data ? bodyOf(draft, currency) : null), [draft, tenant.data]);
  const preview = usePreview(body, sampleOf(sample));

  const edit = (next: Draft) => {
    setDraft(next);
    setSaveErrors([]);
    setSaved(null);
  };
  const change = (field: keyof Draft) => (value: string) => draft && edit({ ...draft, [field]: value });

  const errors = saveErrors.length > 0 ? saveErrors : preview.strategyErrors;
  const message = (path: string) => errors.find((error) => error.path === path)?.message;
  const sampleMessage = (path: string) => preview.sampleErrors.find((error) => error.path === path)?.message;
  const unplaced = errors.filter((error) => !placed(error.path, draft?.steps.length ?? 0));

  const strategyId = isNew ? newId.trim() : (props.params.id ?? '');
  const save = async () => {
    if (!body) return;
    setSaving(true);
    setSaveFailure(null);
    try {
      if (isNew && strategyId === '') {
        setSaveErrors([{ path: 'path.strategyId', message: 'is required: the id the strategy is saved under' }]);
        return;
      }
      const answer = await api.put<Strategy>(`/v1/strategies/${encodeURIComponent(strategyId)}`, body);
      setSaveErrors([]);
      setSaved(answer);
      if (isNew) navigate(`/strategies/${answer.id}`);
    } catch (error) {
      const fields = error instanceof ApiError && error.status === 400 ? error.errors : [];
      setSaveErrors(fields);
      setSaveFailure(fields.length > 0 ? null : (error as Error));
    } finally {
      setSaving(false);
    }
  };

  const title = isNew ? 'New strategy' : (saved?.name ?? stored.data?.name ?? `Strategy ${props.params.id ?? ''}`);
  const failure = stored.error ?? tenant.error;
  if (failure)
    return (
      <Page title={title}>
        <Problem error={failure} />
        <p>
          <a href={href('/strategies')}>Back to the strategies</a>
        </p>
      </Page>
    );
  if (!draft || !tenant.data)
    return (
      <Page title={title}>
        <Loading what="the strategy" />
      </Page>
    );

  const templates = [
    ...new Set(
      (all.data?.strategies ?? []).flatMap((strategy) => strategy.steps.flatMap((step) => step.template ?? [])),
    ),
  ].sort();
  const refusedCount = errors.length;

  return (
    <Page
      title={title}
      actions={
        canEdit ? (
          <button type="button" onClick={() => void save()} disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        ) : null
      }
    >
      <p>
        <a href={href('/strategies')}>All strategies</a>
        {stored.data ? (
          <span class="muted">
            {' '}
            · {stored.data.id} · version {saved?.version ?? stored.data.version}
          </span>
        ) : null}
      </p>
      {canEdit ? null : (
        <p class="notice" role="note">
          Only managers can change a strategy: you see it read-only, and can try the preview with a sample invoice.
        </p>
      )}
      <div role="status" aria-live="polite" class="strategy-status">
        {saved ? (
          <p class="notice">
            Saved: version {saved.version} of {saved.name}.
          </p>
        ) : refusedCount > 0 ? (
          <p class="field-summary">
            {refusedCount === 1 ? 'One field needs' : `${refusedCount} fields need`} attention
            {saveErrors.length > 0 ? ': the API refused to save.' : '.'}
          </p>
        ) : preview.pending ? (
          <p class="muted">Checking…</p>
        ) : null}
      </div>
      <Problem error={saveFailure ?? preview.failure} />
      {unplaced.length > 0 ? <Problem error={new ApiError(400, '', 'Refused', '', unplaced, {})} /> : null}
      <div class="strategy-layout">
        <form
          class="strategy-form"
          aria-label="Strategy"
          onSubmit={(event) => {
            event.preventDefault();
            if (canEdit) void save();
          }}
        >
          <fieldset disabled={!canEdit} class="plain">
            <legend class="visually-hidden">Name and what it applies to</legend>
            {isNew ? (
              <TextField
                path="path.strategyId"
                label="Id (in addresses and on invoices' strategyId)"
                value={newId}
                message={message('path.strategyId')}
                onInput={(value) => {
                  setNewId(value);
                  setSaveErrors([]);
                }}
              />
            ) : null}
            <TextField path="name" label="Name" value={draft.name} message={message('name')} onInput={change('name')} />
            <h2>Applies to</h2>
            <p class="muted">
              An invoice gets the most specific strategy that fits (or the one it names); the default ladder otherwise.
            </p>
            <div class="row">
              <TextField
                path="appliesTo.segment"
                label="Customer segment"
                value={draft.segment}
                message={message('appliesTo.segment')}
                onInput={change('segment')}
              />
              <SelectField
                path="appliesTo.scoreBand"
                label="Score band"
                value={draft.scoreBand}
                message={message('appliesTo.scoreBand')}
                onChange={change('scoreBand')}
              >
                <option value="">Any</option>
                {SCORE_BANDS.map((band) => (
                  <option key={band} value={band}>
                    {band}
                  </option>
                ))}
              </SelectField>
              <TextField
                path="appliesTo.minAmount"
                label={`Minimum amount (${currency})`}
                value={draft.minAmount}
                inputMode="decimal"
                size={10}
                message={message('appliesTo.minAmount')}
                onInput={change('minAmount')}
              />
            </div>
          </fieldset>
          <StepsEditor
            steps={draft.steps}
            onChange={(steps) => edit({ ...draft, steps })}
            message={message}
            currency={currency}
            readOnly={!canEdit}
            templatesList="strategy-templates"
          />
          <datalist id="strategy-templates">
            {templates.map((template) => (
              <option key={template} value={template} />
            ))}
          </datalist>
          <fieldset disabled={!canEdit} class="plain">
            <legend class="visually-hidden">Interest</legend>
            <h2>Interest</h2>
            <div class="row">
              <SelectField
                path="interest.rule"
                label="Interest rule"
                value={draft.interestRule}
                message={message('interest.rule')}
                onChange={change('interestRule')}
              >
                {INTEREST_RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {rule}
                  </option>
                ))}
              </SelectField>
              <TextField
                path="interest.annualRatePercent"
                label="Annual rate (%)"
                value={draft.annualRatePercent}
                inputMode="decimal"
                size={6}
                message={message('interest.annualRatePercent')}
                onInput={change('annualRatePercent')}
              />
            </div>
          </fieldset>
        </form>
        <section class="strategy-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview for a sample invoice</h2>
          <div class="row">
            <TextField
              path="sample.dueDate"
              label="Due date"
              type="date"
              value={sample.dueDate}
              message={sampleMessage('dueDate')}
              onInput={(dueDate) => setSample({ ...sample, dueDate })}
            />
            <TextField
              path="sample.timeZone"
              label="Customer's time zone"
              value={sample.timeZone}
              list="strategy-zones"
              message={sampleMessage('timeZone')}
              onInput={(timeZone) => setSample({ ...sample, timeZone })}
            />
            <TextField
              path="sample.amount"
              label={`Amount (${sample.currency || currency})`}
              value={sample.amount}
              inputMode="decimal"
              size={10}
              message={sampleMessage('amount')}
              onInput={(amount) => setSample({ ...sample, amount })}
            />
            <TextField
              path="sample.currency"
              label="Currency"
              value={sample.currency}
              size={4}
              message={sampleMessage('currency')}
              onInput={(value) => setSample({ ...sample, currency: value })}
            />
          </div>
          <datalist id="strategy-zones">
            {ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {preview.preview ? (
            <PreviewTable preview={preview.preview} stale={preview.strategyErrors.length > 0} />
          ) : preview.strategyErrors.length > 0 ? (
            <p class="muted">The preview appears once the ladder is accepted.</p>
          ) : (
            <Loading what="the preview" />
          )}
        </section>
      </div>
    </Page>
  );
};
