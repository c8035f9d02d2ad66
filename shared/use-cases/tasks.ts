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

/** Closes every open task of a debt (a call was logged on it, or it closed): nothing is left for a collector to do. */
export const closeTasksOf = async (
  deps: TaskDeps,
  tenantId: string,
  delinquencyId: string,
  doneBy: string,
): Promise<void> => {
  const open = await deps.tasks.openFor(tenantId, delinquencyId);
  const now = deps.clock.now().toISOString();
  for (const task of open) await deps.tasks.close(tenantId, task, now, doneBy);
};
