// The work queue: "mine" and the team's, each debt with its customer, amounts in its own and the base currency, days
// past due, why it ranks where it does, what happens next and who works it; filtered, sorted and paged from the
// address, worked from the keyboard.
import { useRef } from 'preact/hooks';
import type { CollectorList, QueueItem } from '../api-types';
import { Loading } from '../components/loading';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { dateTime, readerZone } from '../format';
import { href, navigate } from '../router';
import { useSession } from '../session-context';
import { useResource } from '../use-resource';
import {
  addressQuery,
  apiQuery,
  BANDS,
  readAddress,
  ROW_CHOICES,
  sortsFreely,
  STATUSES,
  type QueueAddress,
  type QueueView,
} from './queue/queue-address';
import { useQueuePage } from './queue/use-queue-page';
import { useRowKeys } from './queue/use-row-keys';
import type { ScreenProps } from './screen';
import './queue.css';

const STATUS_LABELS: Record<string, string> = {
  active: 'Escalating',
  paused: 'Paused',
  promised: 'Promised',
  in_plan: 'On a plan',
  disputed: 'Disputed',
};
const SORT_LABELS: Record<string, string> = {
  priority: 'Priority',
  daysPastDue: 'Days past due',
  balance: 'Balance',
};
const BAND_LABELS: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

const caseHref = (id: string) => href(`/cases/${encodeURIComponent(id)}`);

const ScoreCell = (props: { item: QueueItem }) => {
  const { score } = props.item;
  if (!score) return <span class="muted">Not scored</span>;
  return (
    <details class="reasons">
      <summary>
        <span class={`badge band-${score.band}`}>{BAND_LABELS[score.band] ?? score.band}</span>
        <span class="visually-hidden"> score, show why</span>
      </summary>
      <ul>
        {score.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </details>
  );
};

const NextAction = (props: { item: QueueItem }) => {
  const { item } = props;
  if (!item.nextStep && !item.nextActionAt) return <span class="muted">Nothing planned</span>;
  return (
    <>
      {item.nextStep ?? 'Review'}
      {item.nextActionAt ? (
        <span class="when">
          {dateTime(item.nextActionAt, item.customerTimeZone ?? readerZone())}
          {item.customerTimeZone ? <span class="visually-hidden"> (customer's time)</span> : null}
        </span>
      ) : null}
    </>
  );
};

const Filters = (props: {
  state: QueueAddress;
  collectors: CollectorList | null;
  apply: (next: QueueAddress) => void;
}) => {
  const { state } = props;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const next = {
      ...state,
      status: text('status') || 'active',
      band: text('band'),
      currency: text('currency').toUpperCase(),
      assignee: state.view === 'team' ? text('assignee') : '',
      stage: text('stage'),
      sort: text('sort') || 'priority',
      rows: Number(text('rows')) || state.rows,
    };
    props.apply({ ...next, sort: sortsFreely(next) ? next.sort : 'priority', cursor: '', trail: [] });
  };
  const collectorIds = props.collectors?.items.map((collector) => collector.id) ?? [];
  const assignees =
    state.assignee && state.assignee !== 'unassigned' && !collectorIds.includes(state.assignee)
      ? [...collectorIds, state.assignee]
      : collectorIds;
  return (
    <form class="filters queue-filters" onSubmit={onSubmit} aria-label="Filter and sort the queue">
      <div>
        <label for="q-status">Status</label>
        <select id="q-status" name="status">
          {STATUSES.map((status) => (
            <option key={status} value={status} selected={status === state.status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="q-band">Score band</label>
        <select id="q-band" name="band">
          <option value="">Any</option>
          {BANDS.map((band) => (
            <option key={band} value={band} selected={band === state.band}>
              {BAND_LABELS[band]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="q-currency">Currency</label>
        <input
          id="q-currency"
          name="currency"
          class="currency-input"
          defaultValue={state.currency}
          maxLength={3}
          pattern="[A-Za-z]{3}"
          placeholder="Any"
          autocomplete="off"
        />
      </div>
      {state.view === 'team' ? (
        <div>
          <label for="q-assignee">Assignee</label>
          <select id="q-assignee" name="assignee">
            <option value="">Anyone</option>
            <option value="unassigned" selected={state.assignee === 'unassigned'}>
              Unassigned
            </option>
            {assignees.map((id) => (
              <option key={id} value={id} selected={id === state.assignee}>
                {props.collectors?.items.find((collector) => collector.id === id)?.name ?? id}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label for="q-stage">Stage</label>
        <input id="q-stage" name="stage" defaultValue={state.stage} placeholder="Any step" autocomplete="off" />
      </div>
      <div>
        <label for="q-sort">Sort by</label>
        <select id="q-sort" name="sort" aria-describedby="q-sort-hint">
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value} selected={value === state.sort}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="q-rows">Rows</label>
        <select id="q-rows" name="rows">
          {(ROW_CHOICES.includes(state.rows as never) ? ROW_CHOICES : [state.rows, ...ROW_CHOICES]).map((rows) => (
            <option key={rows} value={rows} selected={rows === state.rows}>
              {rows}
            </option>
          ))}
        </select>
      </div>
      <div class="filter-actions">
        <button type="submit">Apply</button>
      </div>
      <p id="q-sort-hint" class="muted sort-hint">
        Days past due and balance sort one person's queue; the team's is ranked by priority.
      </p>
    </form>
  );
};

export const QueueScreen = (props: ScreenProps) => {
  const { person } = useSession();
  const state = readAddress(props.query, person.role);
  const queue = useQueuePage(apiQuery(state));
  const collectors = useResource<CollectorList>(state.view === 'team' ? '/v1/collectors' : null);
  const go = (next: QueueAddress) => navigate('/queue', addressQuery(next, person.role));
  const items = queue.page?.items ?? [];
  const table = useRef<HTMLTableElement>(null);
  const linkOf = (id: string) =>
    table.current?.querySelector<HTMLAnchorElement>(`a[data-case="${CSS.escape(id)}"]`) ?? null;
  const keys = useRowKeys(
    items.map((item) => item.id),
    linkOf,
  );
  const tab = (view: QueueView, label: string) => (
    <a
      href={href(
        '/queue',
        addressQuery({ ...state, view, assignee: '', cursor: '', trail: [], sort: 'priority' }, person.role),
      )}
      aria-current={state.view === view ? 'page' : undefined}
    >
      {label}
    </a>
  );
  const next = queue.page?.nextCursor ?? null;
  return (
    <Page
      title="Queue"
      actions={
        <button type="button" class="secondary" onClick={queue.refresh}>
          Refresh
        </button>
      }
    >
      <nav class="queue-tabs" aria-label="Whose queue">
        {tab('mine', 'Mine')}
        {tab('team', "Team's")}
      </nav>
      {/* Keyed by the address: the form starts from what the address says, and keeps what a person is typing until then. */}
      <Filters key={props.query.toString()} state={state} collectors={collectors.data} apply={go} />
      <p class="muted key-hint" id="queue-keys">
        Keys: <kbd>j</kbd> or <kbd>↓</kbd> next case, <kbd>k</kbd> or <kbd>↑</kbd> previous, <kbd>Enter</kbd> opens it.
      </p>
      {/* What the page shows answers this address (`data-shows`), once it has arrived: tests and scripts wait on it. */}
      <div class="queue-results" data-shows={queue.page ? props.query.toString() : undefined} aria-busy={queue.loading}>
        <Problem error={queue.error} />
        {queue.loading ? <Loading what="the queue" /> : null}
        {queue.page && items.length > 0 ? (
          <div class="queue-scroll">
            <table class="grid queue-table" ref={table} aria-describedby="queue-keys">
              <caption class="visually-hidden">
                {state.view === 'mine' ? 'My open cases' : "The team's open cases"}, by{' '}
                {SORT_LABELS[state.sort] ?? 'priority'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col" class="num">
                    Amount
                  </th>
                  <th scope="col" class="num">
                    In base currency
                  </th>
                  <th scope="col" class="num">
                    Days past due
                  </th>
                  <th scope="col">Score</th>
                  <th scope="col">Next action</th>
                  <th scope="col">Assignee</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => (
                  <tr key={item.id} class={index === keys.selected ? 'selected' : undefined} data-case-row={item.id}>
                    <td>
                      <a href={caseHref(item.id)} data-case={item.id} onFocus={() => keys.setSelected(index)}>
                        {item.customerName ?? item.customerId}
                      </a>
                      <span class="muted invoice">{item.invoiceId}</span>
                    </td>
                    <td class="num">
                      <Money amount={item.balance} currency={item.currency} />
                    </td>
                    <td class="num">
                      {item.baseBalance ? (
                        <Money amount={item.baseBalance.amount} currency={item.baseBalance.currency} />
                      ) : (
                        <span class="muted">No rate</span>
                      )}
                    </td>
                    <td class="num">{item.daysPastDue ?? '—'}</td>
                    <td>
                      <ScoreCell item={item} />
                    </td>
                    <td>
                      <NextAction item={item} />
                    </td>
                    <td>
                      {item.assigneeId ? (
                        (collectors.data?.items.find((collector) => collector.id === item.assigneeId)?.name ??
                        item.assigneeId)
                      ) : (
                        <span class="muted">Unassigned</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {queue.page && items.length === 0 ? <p class="empty">Nothing in this queue.</p> : null}
      </div>
      {queue.page && (state.trail.length > 0 || state.cursor || next) ? (
        <nav class="pager" aria-label="Pages">
          <button
            type="button"
            class="secondary"
            disabled={!state.cursor}
            onClick={() => go({ ...state, cursor: state.trail.at(-1) ?? '', trail: state.trail.slice(0, -1) })}
          >
            Previous
          </button>
          <span class="muted">Page {state.trail.length + 1}</span>
          <button
            type="button"
            class="secondary"
            disabled={!next}
            onClick={() => next && go({ ...state, cursor: next, trail: [...state.trail, state.cursor] })}
          >
            Next
          </button>
        </nav>
      ) : null}
    </Page>
  );
};
