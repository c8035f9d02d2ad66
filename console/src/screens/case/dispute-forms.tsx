// Open a dispute for the customer, and decide an open one: accepted (perhaps with a credit) or rejected. Above the
// tenant's limit a credit needs a manager who did not open the dispute: the screen says so plainly.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import type { CaseView } from '../../api-types';
import { Problem } from '../../components/problem';
import { dateTime, money, parseMajor } from '../../format';
import { describedBy, Field } from './field';
import { useAction } from './use-action';
import { actorWords } from './words';

export const OpenDisputeForm = (props: { caseId: string; after: () => Promise<void> }) => {
  const [reason, setReason] = useState('');
  const action = useAction(() => api.post(`/v1/delinquencies/${props.caseId}/disputes`, { reason }), props.after);
  return (
    <form
      class="action-form"
      aria-labelledby="dispute-open-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await action.run()) setReason('');
      }}
    >
      <h3 id="dispute-open-heading">Open a dispute</h3>
      <Field id="dispute-reason" label="What the customer disputes" error={action.field('reason')}>
        <textarea
          id="dispute-reason"
          rows={2}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          {...describedBy('dispute-reason', action.field('reason'))}
        />
      </Field>
      <Problem error={action.error} />
      <button type="submit" disabled={action.pending}>
        Open dispute
      </button>
    </form>
  );
};

/** The refusal of a decision that needs other eyes, in words: who may decide it instead. */
const FourEyes = (props: { error: ApiError }) => {
  const code = props.error.type.split(':').pop();
  return (
    <div class="problem four-eyes" role="alert">
      <p>
        <strong>
          {code === 'four-eyes'
            ? 'Four eyes: a second manager must decide this credit.'
            : "A manager must decide this credit: it passes the tenant's approval limit."}
        </strong>
      </p>
      <p>{props.error.detail}</p>
    </div>
  );
};

export const DecideDisputeForm = (props: {
  dispute: CaseView['disputes'][number];
  currency: string;
  zone: string;
  names: Record<string, string>;
  after: () => Promise<void>;
}) => {
  const { dispute } = props;
  const id = `dispute-${dispute.id}`;
  const [outcome, setOutcome] = useState<'accepted' | 'rejected'>('accepted');
  const [adjustment, setAdjustment] = useState('');
  const [note, setNote] = useState('');
  const [typo, setTypo] = useState<string | undefined>();
  const action = useAction(
    (credit: number | null) =>
      api.post(`/v1/disputes/${dispute.id}/resolve`, {
        outcome,
        ...(credit !== null ? { adjustment: credit } : {}),
        ...(note.trim() ? { note } : {}),
      }),
    props.after,
  );
  const refusedForEyes = action.error instanceof ApiError && action.error.status === 403 ? action.error : null;
  const adjustmentError = typo ?? action.field('adjustment');
  return (
    <form
      class="action-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={async (event) => {
        event.preventDefault();
        let credit: number | null = null;
        if (outcome === 'accepted' && adjustment.trim()) {
          credit = parseMajor(adjustment, props.currency);
          if (credit === null) {
            setTypo(`must be an amount in ${props.currency}, such as 125.50`);
            return;
          }
        }
        setTypo(undefined);
        await action.run(credit);
      }}
    >
      <h3 id={`${id}-heading`}>Decide the dispute</h3>
      <p>
        “{dispute.reason}” — opened by {actorWords(dispute.openedByPerson ?? dispute.openedBy, props.names)} on{' '}
        {dateTime(dispute.openedAt, props.zone)}
        {dispute.amount !== null ? `, for ${money(dispute.amount, props.currency)}` : ''}.
      </p>
      <fieldset>
        <legend>Decision</legend>
        <label class="choice">
          <input
            type="radio"
            name={`${id}-outcome`}
            value="accepted"
            checked={outcome === 'accepted'}
            onChange={() => setOutcome('accepted')}
          />{' '}
          Accept (the customer is right)
        </label>
        <label class="choice">
          <input
            type="radio"
            name={`${id}-outcome`}
            value="rejected"
            checked={outcome === 'rejected'}
            onChange={() => setOutcome('rejected')}
          />{' '}
          Reject (escalation resumes)
        </label>
      </fieldset>
      {outcome === 'accepted' ? (
        <Field id={`${id}-adjustment`} label={`Credit (${props.currency}, optional)`} error={adjustmentError}>
          <input
            id={`${id}-adjustment`}
            inputMode="decimal"
            value={adjustment}
            onInput={(e) => setAdjustment(e.currentTarget.value)}
            {...describedBy(`${id}-adjustment`, adjustmentError)}
          />
        </Field>
      ) : null}
      <Field id={`${id}-note`} label="Note" error={action.field('note')}>
        <input id={`${id}-note`} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
      {refusedForEyes ? <FourEyes error={refusedForEyes} /> : <Problem error={action.error} />}
      <button type="submit" disabled={action.pending}>
        Decide
      </button>
    </form>
  );
};
