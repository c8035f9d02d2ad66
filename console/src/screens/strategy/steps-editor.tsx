// The ladder's steps as a table of inputs: add, remove and move them; each step's day, channel, template and fee, with
// its refusals beside each input.
import { CHANNELS, emptyStep, type FeeKind, type StepDraft } from './draft';
import { SelectField, TextField } from './fields';

export interface StepsEditorProps {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  /** The refusal for an API path (`steps.2.fee.amount`), if any. */
  message: (path: string) => string | undefined;
  currency: string;
  readOnly: boolean;
  templatesList: string;
}

const CHANNEL_WORDS: Record<string, string> = {
  email: 'Email',
  sms: 'SMS',
  call: 'Call (task)',
  letter: 'Letter',
  statement: 'Statement',
  agency: 'Agency',
  write_off: 'Write-off',
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
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Steps (scrolls sideways)">
        <table class="grid steps-table">
          <thead>
            <tr>
              <th scope="col">Step id</th>
              <th scope="col">Day (from due)</th>
              <th scope="col">Channel</th>
              <th scope="col">Template</th>
              <th scope="col">Fee</th>
              {props.readOnly ? null : (
                <th scope="col">
                  <span class="visually-hidden">Order</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {steps.map((step, index) => {
              const at = (field: string) => `steps.${index}.${field}`;
              const name = stepName(step, index);
              const n = index + 1;
              return (
                <tr key={step.key} data-step-index={index}>
                  <td>
                    <TextField
                      hiddenLabel
                      disabled={props.readOnly}
                      path={at('id')}
                      label={`Step ${n} id`}
                      value={step.id}
                      size={13}
                      message={props.message(at('id'))}
                      onInput={(id) => update(index, { id })}
                    />
                  </td>
                  <td>
                    <TextField
                      hiddenLabel
                      disabled={props.readOnly}
                      path={at('offsetDays')}
                      label={`Step ${n} days from the due date`}
                      value={step.offsetDays}
                      size={4}
                      inputMode="numeric"
                      message={props.message(at('offsetDays'))}
                      onInput={(offsetDays) => update(index, { offsetDays })}
                    />
                  </td>
                  <td>
                    <SelectField
                      hiddenLabel
                      disabled={props.readOnly}
                      path={at('channel')}
                      label={`Step ${n} channel`}
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
                  </td>
                  <td>
                    <TextField
                      hiddenLabel
                      disabled={props.readOnly}
                      path={at('template')}
                      label={`Step ${n} template`}
                      value={step.template}
                      size={12}
                      list={props.templatesList}
                      message={props.message(at('template'))}
                      onInput={(template) => update(index, { template })}
                    />
                  </td>
                  <td>
                    <div class="fee-fields">
                      <SelectField
                        hiddenLabel
                        disabled={props.readOnly}
                        path={at('fee')}
                        label={`Step ${n} fee`}
                        value={step.feeKind}
                        message={props.message(at('fee'))}
                        onChange={(feeKind) => update(index, { feeKind: feeKind as FeeKind })}
                      >
                        <option value="none">No fee</option>
                        <option value="amount">Fixed</option>
                        <option value="percent">Percent</option>
                      </SelectField>
                      {step.feeKind === 'amount' ? (
                        <>
                          <TextField
                            hiddenLabel
                            disabled={props.readOnly}
                            path={at('fee.amount')}
                            label={`Step ${n} fee amount in ${step.feeCurrency.trim() || props.currency}`}
                            value={step.feeAmount}
                            size={8}
                            inputMode="decimal"
                            message={props.message(at('fee.amount'))}
                            onInput={(feeAmount) => update(index, { feeAmount })}
                          />
                          <TextField
                            hiddenLabel
                            disabled={props.readOnly}
                            path={at('fee.currency')}
                            label={`Step ${n} fee only on invoices in this currency (blank: any)`}
                            value={step.feeCurrency}
                            size={4}
                            message={props.message(at('fee.currency'))}
                            onInput={(feeCurrency) => update(index, { feeCurrency })}
                          />
                        </>
                      ) : null}
                      {step.feeKind === 'percent' ? (
                        <TextField
                          hiddenLabel
                          disabled={props.readOnly}
                          path={at('fee.percent')}
                          label={`Step ${n} fee percent of the principal`}
                          value={step.feePercent}
                          size={4}
                          inputMode="decimal"
                          message={props.message(at('fee.percent'))}
                          onInput={(feePercent) => update(index, { feePercent })}
                        />
                      ) : null}
                      {step.feeKind === 'percent' ? (
                        <span aria-hidden="true">%</span>
                      ) : step.feeKind === 'amount' ? (
                        <span class="muted">{step.feeCurrency.trim() ? '' : props.currency}</span>
                      ) : null}
                    </div>
                  </td>
                  {props.readOnly ? null : (
                    <td class="step-actions">
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
                      <button
                        type="button"
                        class="secondary"
                        aria-label={`Remove ${name}`}
                        onClick={() => remove(index)}
                      >
                        ✕
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.readOnly ? null : (
        <p>
          <button type="button" class="secondary" onClick={add}>
            Add a step
          </button>
        </p>
      )}
    </section>
  );
};
