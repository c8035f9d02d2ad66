// Collectors' call tasks end: closed by hand, by a call logged on their debt, or with the debt itself when it closes.
import { NotFoundError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { TaskRepository } from '../ports/task-repository.port';
import type { CollectorTask } from '../schemas/task.schema';

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
