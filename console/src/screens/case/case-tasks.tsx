// The case's open tasks (calls the ladder asked for, follow-ups people set), each closed in one click.
import { api } from '../../api';
import type { CaseView } from '../../api-types';
import { Problem } from '../../components/problem';
import { dateTime } from '../../format';
import { useAction } from './use-action';

export const CaseTasks = (props: {
  tasks: CaseView['tasks'];
  zone: string;
  names: Record<string, string>;
  after: () => Promise<void>;
}) => {
  const done = useAction((taskId: string) => api.post(`/v1/tasks/${taskId}/done`), props.after);
  return (
    <section class="card" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Open tasks</h2>
      {props.tasks.length === 0 ? (
        <p class="muted">Nothing to do on this case.</p>
      ) : (
        <ul class="plain tasks">
          {props.tasks.map((task) => (
            <li key={task.id} data-task-kind={task.kind}>
              <span>
                <strong>{task.kind === 'call' ? 'Call the customer' : 'Follow up'}</strong> due{' '}
                {dateTime(task.dueAt, props.zone)}
                {task.assignee ? ` · for ${props.names[task.assignee] ?? task.assignee}` : ''}
                {task.note ? ` · ${task.note}` : ''}
              </span>{' '}
              <button type="button" class="secondary" disabled={done.pending} onClick={() => void done.run(task.id)}>
                Done<span class="visually-hidden">: {task.kind === 'call' ? 'call' : 'follow-up'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Problem error={done.error} />
    </section>
  );
};
