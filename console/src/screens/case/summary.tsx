// Where the case stands and why it is where it is in the queue: status, what is owed, days past due, the score band
// with its reasons, its rank, the next step, its hold, and who works it.
import type { CaseView } from '../../api-types';
import { Money } from '../../components/money';
import { dateTime } from '../../format';
import { actorWords, STATUS_WORDS } from './words';

/** What happens next: the ladder's next step while it escalates; while paused, what the pause waits for. */
const nextWords = (view: CaseView, zone: string): string => {
  if (view.status === 'paused')
    return view.hold?.releaseAt ? `the hold ends ${dateTime(view.hold.releaseAt, zone)}` : 'nothing until released';
  if (view.status === 'promised') return 'nothing until the promise is decided';
  if (view.status === 'in_plan') return 'nothing while the plan is followed';
  if (view.status === 'disputed') return 'nothing until the dispute is decided';
  if (view.status !== 'active') return 'nothing: the case is closed';
  return view.nextActionAt
    ? `${view.nextStep ?? 'a look at the facts'} at ${dateTime(view.nextActionAt, zone)}`
    : 'nothing scheduled';
};

export const CaseSummary = (props: { view: CaseView; zone: string; names: Record<string, string> }) => {
  const { view } = props;
  return (
    <section class="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Where it stands</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <span class={`badge status-${view.status}`}>{STATUS_WORDS[view.status] ?? view.status}</span>
        </dd>
        <dt>Owed now</dt>
        <dd>
          <Money amount={view.balance} currency={view.currency} />
        </dd>
        <dt>Days past due</dt>
        <dd>{view.daysPastDue}</dd>
        <dt>Step</dt>
        <dd>{view.stage ?? 'none yet'}</dd>
        <dt>Next</dt>
        <dd>{nextWords(view, props.zone)}</dd>
        <dt>Assigned to</dt>
        <dd>{view.assigneeId ? (props.names[view.assigneeId] ?? view.assigneeId) : 'nobody'}</dd>
        {view.hold && view.status === 'paused' ? (
          <>
            <dt>Hold</dt>
            <dd>
              {view.hold.reason} — by {actorWords(view.hold.by, props.names)}
              {view.hold.releaseAt ? `, until ${dateTime(view.hold.releaseAt, props.zone)}` : ', until released'}
            </dd>
          </>
        ) : null}
      </dl>
      <h3>Why it is here in the queue</h3>
      {view.score ? (
        <>
          <p>
            Chance of payment <strong>{Math.round(view.score.value * 100)} %</strong>, band{' '}
            <span class="badge">{view.score.band}</span>; queue rank {view.priority.toLocaleString()} (expected recovery
            × urgency, higher first).
          </p>
          <ul class="reasons" aria-label="Score reasons">
            {view.score.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">Not scored yet: it is ranked once the ladder first looks at it.</p>
      )}
    </section>
  );
};
