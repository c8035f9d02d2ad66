// Collectors' tasks: listed (the team's or one person's, overdue or due today), and ended: closed by hand, by a call
// logged on their debt, or with the debt itself when it closes.
import { addDays, localDate, startOfLocalDay } from '../domain/calendar';
import { NotFoundError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { TaskListFilter, TaskPage, TaskRepository } from '../ports/task-repository.port';
import type { ApiKeyGrant, TenantDirectory } from '../ports/tenant-directory.port';
import type { CollectorTask, TaskListQuery } from '../schemas/task.schema';

export interface TaskDeps {
  clock: Clock;
  tasks: TaskRepository;
}

/** POST /v1/tasks/{id}/done: closes one task; a task already done answers as it was closed. */
export const closeTask = async (
  deps: TaskDeps,
  tenantId: string,
  taskId: string,
  actor: string,
): Promise<CollectorTask> => {
  const task = await deps.tasks.get(tenantId, taskId);
  if (!task) throw new NotFoundError(`no task ${taskId}`);
  if (task.status === 'done') return task;
  return deps.tasks.close(tenantId, task, deps.clock.now().toISOString(), actor);
};

/**
 * Closes the open tasks of a debt: every one when it closed, the ladder's calls when a call was logged on it (a
 * follow-up a person set for a later day stays theirs).
 */
export const closeTasksOf = async (
  deps: TaskDeps,
  tenantId: string,
  delinquencyId: string,
  doneBy: string,
  only?: CollectorTask['kind'],
): Promise<void> => {
  const open = (await deps.tasks.openFor(tenantId, delinquencyId)).filter((task) => !only || task.kind === only);
  const now = deps.clock.now().toISOString();
  for (const task of open) await deps.tasks.close(tenantId, task, now, doneBy);
};

/** Who `assignee=me` is: a signed-in person by username (what a task's assigneeId holds), a key by the person it names. */
export const assigneeOf = (grant: Pick<ApiKeyGrant, 'person'>): string =>
  grant.person.startsWith('person:') ? grant.person.slice('person:'.length) : grant.person;

/** GET /v1/tasks: a page of open tasks, oldest due first; "today" is the day in the reader's zone (else the tenant's). */
export const listTasks = async (
  deps: TaskDeps & { tenants: Pick<TenantDirectory, 'getTenant'> },
  grant: Pick<ApiKeyGrant, 'tenantId' | 'person'>,
  query: TaskListQuery,
): Promise<TaskPage> => {
  const filter: TaskListFilter = {};
  if (query.assignee !== undefined) filter.assigneeId = query.assignee === 'me' ? assigneeOf(grant) : query.assignee;
  if (query.due !== undefined) {
    const zone = query.zone ?? (await deps.tenants.getTenant(grant.tenantId))?.timeZone ?? 'UTC';
    const today = localDate(deps.clock.now(), zone);
    const start = startOfLocalDay(today, zone).toISOString();
    const tomorrow = startOfLocalDay(addDays(today, 1), zone).toISOString();
    if (query.due === 'overdue') filter.dueBefore = start;
    if (query.due === 'today') Object.assign(filter, { dueFrom: start, dueBefore: tomorrow });
    if (query.due === 'upcoming') filter.dueFrom = tomorrow;
  }
  return deps.tasks.listOpen(grant.tenantId, query.limit, query.cursor, filter);
};
