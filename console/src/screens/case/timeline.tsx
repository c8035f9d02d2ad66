// What happened on the case, newest first: each entry's kind in words, why, who did it and when in the customer's zone.
import type { CaseView } from '../../api-types';
import { dateTime } from '../../format';
import { actorWords, kindWords } from './words';

export const Timeline = (props: { entries: CaseView['timeline']; zone: string; names: Record<string, string> }) => {
  const entries = [...props.entries].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  return (
    <section class="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol class="timeline">
        {entries.map((entry) => (
          <li key={entry.id} data-kind={entry.kind}>
            <p class="timeline-head">
              <strong>{kindWords(entry.kind)}</strong>{' '}
              <span class="muted">
                <time dateTime={entry.at}>{dateTime(entry.at, props.zone)}</time> ·{' '}
                {actorWords(entry.actor, props.names)}
              </span>
            </p>
            <p>{entry.detail}</p>
          </li>
        ))}
      </ol>
    </section>
  );
};
