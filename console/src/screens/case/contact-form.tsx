// Log a contact with the customer: channel, direction, outcome, a note, and a follow-up date that becomes a task for
// the person. A call the contact rules refuse is shown with the next moment allowed, in the customer's zone.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { Problem } from '../../components/problem';
import { dateTime } from '../../format';
import { describedBy, Field } from './field';
import { useAction } from './use-action';
import { RULE_WORDS } from './words';

const OUTCOMES = [
  ['conversation', 'Spoke with the customer'],
  ['no_answer', 'No answer'],
  ['voicemail', 'Voicemail'],
  ['busy', 'Busy'],
  ['not_connected', 'Not connected'],
] as const;

/** The contact rules' refusal in words: which rule, and from when a call is allowed in the customer's zone. */
const Refusal = (props: { error: ApiError; zone: string }) => {
  const rule = String(props.error.body.rule ?? '');
  const next = props.error.body.nextAllowedAt;
  return (
    <div class="problem" role="alert">
      <p>
        <strong>The contact rules refuse this call now.</strong> {RULE_WORDS[rule] ?? rule}.
      </p>
      <p class="next-allowed">
        {typeof next === 'string'
          ? `Next allowed: ${dateTime(next, props.zone)} (the customer's time)`
          : 'No later time is allowed either.'}
      </p>
    </div>
  );
};

export const ContactForm = (props: { caseId: string; zone: string; after: () => Promise<void> }) => {
  const [channel, setChannel] = useState('call');
  const [direction, setDirection] = useState('outbound');
  const [outcome, setOutcome] = useState('conversation');
  const [note, setNote] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const action = useAction(
    () =>
      api.post(`/v1/delinquencies/${props.caseId}/contacts`, {
        channel,
        direction,
        outcome,
        ...(note.trim() ? { note } : {}),
        ...(followUpOn ? { followUpOn } : {}),
      }),
    props.after,
  );
  const refused =
    action.error instanceof ApiError && action.error.status === 409 && action.error.type.endsWith(':call-not-allowed')
      ? action.error
      : null;
  return (
    <form
      class="action-form"
      aria-labelledby="contact-form-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await action.run()) {
          setNote('');
          setFollowUpOn('');
        }
      }}
    >
      <h3 id="contact-form-heading">Log a contact</h3>
      <div class="row">
        <Field id="contact-channel" label="Channel" error={action.field('channel')}>
          <select id="contact-channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
            <option value="call">Call</option>
            <option value="email">Email</option>
            <option value="sms">Text message</option>
            <option value="letter">Letter</option>
          </select>
        </Field>
        <Field id="contact-direction" label="Direction" error={action.field('direction')}>
          <select id="contact-direction" value={direction} onChange={(e) => setDirection(e.currentTarget.value)}>
            <option value="outbound">We contacted them</option>
            <option value="inbound">They contacted us</option>
          </select>
        </Field>
        <Field id="contact-outcome" label="Outcome" error={action.field('outcome')}>
          <select id="contact-outcome" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)}>
            {OUTCOMES.map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="contact-note" label="Note" error={action.field('note')}>
        <textarea
          id="contact-note"
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          {...describedBy('contact-note', action.field('note'))}
        />
      </Field>
      <Field id="contact-follow-up" label="Follow up on (optional)" error={action.field('followUpOn')}>
        <input
          id="contact-follow-up"
          type="date"
          value={followUpOn}
          onInput={(e) => setFollowUpOn(e.currentTarget.value)}
          {...describedBy('contact-follow-up', action.field('followUpOn'))}
        />
      </Field>
      {refused ? <Refusal error={refused} zone={props.zone} /> : <Problem error={action.error} />}
      <button type="submit" disabled={action.pending}>
        Log contact
      </button>
    </form>
  );
};
