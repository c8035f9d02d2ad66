// Storage of collectors' tasks (calls the ladder asked for) and the open-task list they work from.
import type { CollectorTask, NewCollectorTask } from '../schemas/task.schema';

export interface TaskPage {
  items: CollectorTask[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

/** Which open tasks a list shows: one person's, and those due in a span (instants, ISO 8601, `dueAt`). */
export interface TaskListFilter {
  assigneeId?: string;
  /** Due at or after this instant. */
  dueFrom?: string;
  /** Due before this instant. */
  dueBefore?: string;
}

export interface TaskRepository {
  /** Stores the task once: a second add of the same id changes nothing. */
  add(tenantId: string, task: NewCollectorTask): Promise<void>;
  /**
   * Open tasks of one tenant (or of one person), oldest due first; a cursor from another list, another tenant or a
   * forged one is refused.
   */
  listOpen(tenantId: string, limit: number, cursor?: string, filter?: TaskListFilter): Promise<TaskPage>;
  /** One task by its id, or null (an unknown id, or another tenant's). */
  get(tenantId: string, taskId: string): Promise<CollectorTask | null>;
  /** A debt's open tasks. */
  openFor(tenantId: string, delinquencyId: string): Promise<CollectorTask[]>;
  /** Marks an open task done (it leaves the open list); a task already done stays as it was. Answers the stored task. */
  close(tenantId: string, task: CollectorTask, doneAt: string, doneBy: string): Promise<CollectorTask>;
}
