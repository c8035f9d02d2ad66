// The ladder's steps: add, remove and move them; each step's day, channel, template and fee, with its refusals beside it.
import { CHANNELS, emptyStep, type FeeKind, type StepDraft } from './draft';
import { SelectField, TextField } from './fields';

export interface StepsEditorProps {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  /** The refusal for an API path (`steps.2.fee.amount`), if any; every path asked is taken as shown. */
  message: (path: string) => string | undefined;
  currency: string;
  readOnly: boolean;
  templatesList: string;
}

const CHANNEL_WORDS: Record<string, string> = {
  email: 'Email',
  sms: 'SMS',
  call: 'Call (a task for a collector)',
  letter: 'Letter',
  statement: 'Statement by email',
  agency: 'Hand off to an agency',
  write_off: 'Write off',
};

const stepName = (step: StepDraft, index: number) => step.id || `step ${index + 1}`;

export const StepsEditor = (props: StepsEditorProps) => {
  const { steps } = props;
  const update = (index: number, change: Partial<StepDraft>) =>
    props.onChange(steps.map((step, at) => (at === index ? { ...step, ...change } : step)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...steps];
    const [taken] = next.splice(index, 1);
    next.splice(index + by, 0, taken!);
    props.onChange(next);
  };
  const remove = (index: number) => props.onChange(steps.filter((_, at) => at !== index));
  const add = () => {
    const last = steps[steps.length - 1];
    const offset = last ? Number(last.offsetDays) + 7 : 1;
    props.onChange([...steps, emptyStep(Number.isFinite(offset) ? offset : 1)]);
  };
  const whole = props.message('steps');
  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title">Steps</h2>
      {whole ? (
        <p class="field-error" id="st-steps-error">
          {whole}
        </p>
      ) : null}
      <ol class="steps">
        {steps.map((step, index) => {
          const at = (field: string) => `steps.${index}.${field}`;
          const name = stepName(step, index);
          return (
            <li key={step.key} class="card step" data-step-index={index}>
              <div class="step-fields">
                <TextField
                  path={at('id')}
                  label="Step id"
                  value={step.id}
                  size={16}
                  message={props.message(at('id'))}
                  onInput={(id) => update(index, { id })}
                />
                <TextField
                  path={at('offsetDays')}
                  label="Days from due date"
                  class="narrow"
                  value={step.offsetDays}
                  size={5}
                  inputMode="numeric"
                  message={props.message(at('offsetDays'))}
                  onInput={(offsetDays) => update(index, { offsetDays })}
                />
                <SelectField
                  path={at('channel')}
                  label="Channel"
                  value={step.channel}
                  message={props.message(at('channel'))}
                  onChange={(channel) => update(index, { channel })}
                >
                  {CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {CHANNEL_WORDS[channel]}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  path={at('template')}
                  label="Template"
                  value={step.template}
                  size={16}
                  list={props.templatesList}
                  message={props.message(at('template'))}
                  onInput={(template) => update(index, { template })}
                />
                <SelectField
                  path={at('fee')}
                  label="Fee"
                  value={step.feeKind}
                  message={props.message(at('fee'))}
                  onChange={(feeKind) => update(index, { feeKind: feeKind as FeeKind })}
                >
                  <option value="none">No fee</option>
                  <option value="amount">Fixed amount</option>
                  <option value="percent">Percent of principal</option>
                </SelectField>
                {step.feeKind === 'amount' ? (
                  <>
                    <TextField
                      path={at('fee.amount')}
                      label={`Fee amount (${step.feeCurrency.trim() || props.currency})`}
                      class="narrow"
                      value={step.feeAmount}
                      size={9}
                      inputMode="decimal"
                      message={props.message(at('fee.amount'))}
                      onInput={(feeAmount) => update(index, { feeAmount })}
                    />
                    <TextField
                      path={at('fee.currency')}
                      label="Only in currency"
                      class="narrow"
                      value={step.feeCurrency}
                      size={4}
                      message={props.message(at('fee.currency'))}
                      onInput={(feeCurrency) => update(index, { feeCurrency })}
                    />
                  </>
                ) : null}
                {step.feeKind === 'percent' ? (
                  <TextField
                    path={at('fee.percent')}
                    label="Fee percent"
                    class="narrow"
                    value={step.feePercent}
                    size={5}
                    inputMode="decimal"
                    message={props.message(at('fee.percent'))}
                    onInput={(feePercent) => update(index, { feePercent })}
                  />
                ) : null}
              </div>
              {props.readOnly ? null : (
                <div class="step-actions">
                  <button
                    type="button"
                    class="secondary"
                    disabled={index === 0}
                    aria-label={`Move ${name} up`}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={index === steps.length - 1}
                    aria-label={`Move ${name} down`}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" class="secondary" aria-label={`Remove ${name}`} onClick={() => remove(index)}>
                    Remove
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {props.readOnly ? null : (
        <button type="button" class="secondary" onClick={add}>
          Add a step
        </button>
      )}
    </section>
  );
};
