// The Tasks screen: the calls and follow-ups waiting for the person (and, for a manager, for the team), overdue and due
// today first, each done in one click. "Today" is the reader's day, as the API's clock has it (the clock may be virtual).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import type { CollectorTask, Customer, TaskPage } from '../api-types';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { calendarDate, readerLocale, readerZone } from '../format';
import { href } from '../router';
import { useSession } from '../session-context';
import type { ScreenProps } from './screen';
import './tasks.css';

type Due = 'overdue' | 'today' | 'upcoming';
const SECTIONS: { due: Due; title: string; empty: string }[] = [
  { due: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { due: 'today', title: 'Due today', empty: 'Nothing due today.' },
  { due: 'upcoming', title: 'Coming up', empty: 'Nothing coming up.' },
];
const PAGE = 100;

type Lists = Record<Due, CollectorTask[]>;

/** Customers' names, read once per customer for the whole screen (a task names only the customer's id). */
const names = new Map<string, Promise<string>>();
const customerName = (id: string): Promise<string> => {
  let name = names.get(id);
  if (!name) {
    name = api.get<Customer>(`/v1/customers/${encodeURIComponent(id)}`).then(
      (customer) => customer.name,
      () => id,
    );
    names.set(id, name);
  }
  return name;
};

const CustomerName = (props: { id: string }) => {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void customerName(props.id).then((found) => current && setName(found));
    return () => {
      current = false;
    };
  }, [props.id]);
  return <>{name ?? props.id}</>;
};

const what = (task: CollectorTask): string => (task.kind === 'call' ? 'Call' : 'Follow up');

/**
 * When a task is due, in the reader's zone with the zone named. (Chromium refuses `dateStyle` together with
 * `timeZoneName`, so the parts are asked for one by one.)
 */
const dueTime = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat(readerLocale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(iso));

const due = (task: CollectorTask, zone: string): string =>
  task.dueOn ? calendarDate(task.dueOn) : dueTime(task.dueAt, zone);

const TaskRows = (props: {
  tasks: CollectorTask[];
  zone: string;
  team: boolean;
  busy: ReadonlySet<string>;
  onDone: (task: CollectorTask) => void;
}) => (
  <table class="grid tasks-table">
    <thead>
      <tr>
        <th scope="col">Due</th>
        <th scope="col">Task</th>
        <th scope="col">Customer</th>
        {props.team ? <th scope="col">Assignee</th> : null}
        <th scope="col">
          <span class="visually-hidden">Action</span>
        </th>
      </tr>
    </thead>
    <tbody>
      {props.tasks.map((task) => (
        <tr key={task.id} data-task-id={task.id}>
          <td>{due(task, props.zone)}</td>
          <td>
            <a href={href(`/cases/${encodeURIComponent(task.delinquencyId)}`)}>
              {what(task)} · invoice {task.invoiceId}
            </a>
          </td>
          <td>
            <a href={href(`/customers/${encodeURIComponent(task.customerId)}`)}>
              <CustomerName id={task.customerId} />
            </a>
          </td>
          {props.team ? <td>{task.assigneeId ?? <span class="muted">Anyone</span>}</td> : null}
          <td>
            <button
              type="button"
              class="secondary"
              disabled={props.busy.has(task.id)}
              aria-label={`Done: ${what(task).toLowerCase()} about invoice ${task.invoiceId}`}
              onClick={() => props.onDone(task)}
            >
              Done
            </button>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

export const TasksScreen = (props: ScreenProps) => {
  const { person } = useSession();
  const team = person.role === 'manager' && props.query.get('view') === 'team';
  const zone = readerZone();
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState('');
  // Tasks closed here stay hidden even if a list read while the close was on its way still has them.
  const closed = useRef(new Set<string>());
  // Only the latest read is shown: an earlier one that answers late is dropped.
  const latest = useRef(0);

  const load = useCallback(async () => {
    const mine = latest.current + 1;
    latest.current = mine;
    try {
      const pages = await Promise.all(
        SECTIONS.map((section) =>
          api.get<TaskPage>('/v1/tasks', {
            due: section.due,
            zone,
            limit: PAGE,
            assignee: team ? undefined : 'me',
          }),
        ),
      );
      if (latest.current !== mine) return;
      const [overdue, today, upcoming] = pages.map((page) =>
        page.items.filter((task) => !closed.current.has(task.id)),
      ) as [CollectorTask[], CollectorTask[], CollectorTask[]];
      setLists({ overdue, today, upcoming });
      setError(null);
    } catch (caught) {
      if (latest.current === mine) setError(caught as Error);
    }
  }, [team, zone]);

  useEffect(() => {
    setLists(null);
    void load();
  }, [load]);

  const done = async (task: CollectorTask) => {
    setBusy((current) => new Set([...current, task.id]));
    try {
      await api.post<CollectorTask>(`/v1/tasks/${encodeURIComponent(task.id)}/done`);
      closed.current.add(task.id);
      setLists((current) =>
        current
          ? {
              overdue: current.overdue.filter((item) => item.id !== task.id),
              today: current.today.filter((item) => item.id !== task.id),
              upcoming: current.upcoming.filter((item) => item.id !== task.id),
            }
          : current,
      );
      setSaid(`${what(task)} about invoice ${task.invoiceId} marked done.`);
      setError(null);
      void load();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy((current) => new Set([...current].filter((id) => id !== task.id)));
    }
  };

  return (
    <Page
      title="Tasks"
      actions={
        person.role === 'manager' ? (
          <div role="group" aria-label="Whose tasks" class="tasks-views">
            <a href={href('/tasks')} aria-current={team ? undefined : 'page'}>
              Mine
            </a>
            <a href={href('/tasks', { view: 'team' })} aria-current={team ? 'page' : undefined}>
              Team
            </a>
          </div>
        ) : null
      }
    >
      <p class="muted">
        {team ? 'Every open task of the team.' : 'Your open tasks.'} Times are in your zone ({zone}).
      </p>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      <Problem error={error} />
      {!lists ? (
        error ? null : (
          <Loading what="tasks" />
        )
      ) : (
        SECTIONS.map((section) => {
          const tasks = lists[section.due];
          const id = `tasks-${section.due}`;
          return (
            <section key={section.due} aria-labelledby={id} class={`tasks-section tasks-${section.due}`}>
              <h2 id={id}>
                {section.title} <span class="badge">{tasks.length}</span>
              </h2>
              {tasks.length === 0 ? (
                <p class="muted">{section.empty}</p>
              ) : (
                <TaskRows tasks={tasks} zone={zone} team={team} busy={busy} onDone={(task) => void done(task)} />
              )}
            </section>
          );
        })
      )}
    </Page>
  );
};
