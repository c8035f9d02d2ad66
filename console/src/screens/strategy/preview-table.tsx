// The dates and local times a sample invoice would get at each step, as the engine would act, with what moved them.
import type { PreviewStep, StrategyPreview } from '../../api-types';
import { Money } from '../../components/money';
import { calendarDate, readerLocale } from '../../format';

const RULE_WORDS: Record<string, string> = {
  'quiet-hours': 'the contact hours',
  'call-frequency-7-in-7': 'the 7-calls-in-7-days limit',
  'call-after-conversation': 'the wait after a conversation',
};

/** "09:00" on the customer's clock for an instant. */
const clockTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat(readerLocale(), { timeStyle: 'short', timeZone: zone }).format(new Date(iso));

const utc = (iso: string) =>
  new Intl.DateTimeFormat(readerLocale(), {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(iso));

const note = (step: PreviewStep) => {
  if (step.notSent) return step.notSent;
  if (step.movedBy)
    return `moved from ${clockTime(step.scheduledAt, step.zone)} by ${RULE_WORDS[step.movedBy] ?? step.movedBy}`;
  return '';
};

const Fee = (props: { fee: PreviewStep['fee'] }) => {
  const { fee } = props;
  if (!fee) return null;
  if ('skipped' in fee) return <span class="muted">{fee.skipped}</span>;
  return <Money amount={fee.amount} currency={fee.currency} />;
};

export const PreviewTable = (props: { preview: StrategyPreview; stale: boolean }) => {
  const { preview } = props;
  return (
    <>
      <p class="muted">
        On the customer’s clock in {preview.steps[0]?.zone ?? 'their zone'}: send time {preview.sendTime}, contact hours{' '}
        {preview.contactHours}.
        {props.stale ? ' The ladder as typed is refused: this is the last one the API accepted.' : ''}
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Preview table (scrolls sideways)">
        <table class="grid preview" aria-describedby="preview-title">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Channel</th>
              <th scope="col" class="num">
                Days
              </th>
              <th scope="col">Customer's date and time</th>
              <th scope="col">UTC</th>
              <th scope="col" class="num">
                Fee
              </th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {preview.steps.map((step) => (
              <tr key={step.id} data-step={step.id} class={step.movedBy || step.notSent ? 'moved' : undefined}>
                <th scope="row">{step.id}</th>
                <td>{step.channel}</td>
                <td class="num">{step.offsetDays > 0 ? `+${step.offsetDays}` : step.offsetDays}</td>
                <td class="local-date" data-date={step.localDate ?? ''}>
                  {step.localDate ? calendarDate(step.localDate) : '—'}{' '}
                  <strong class="local-time">{step.localTime ?? ''}</strong>
                </td>
                <td class="utc">{step.at ? utc(step.at) : '—'}</td>
                <td class="num">
                  <Fee fee={step.fee} />
                </td>
                <td class="note">{note(step)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};
