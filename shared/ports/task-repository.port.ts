// Storage of collectors' tasks (calls the ladder asked for) and the open-task list they work from.
import type { CollectorTask } from '../schemas/task.schema';

export interface TaskPage {
  items: CollectorTask[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

export interface TaskRepository {
  /** Stores the task once: a second add of the same id changes nothing. */
  add(tenantId: string, task: CollectorTask): Promise<void>;
  /** Open tasks of one tenant, oldest due first; a cursor from another tenant or a forged one is refused. */
  listOpen(tenantId: string, limit: number, cursor?: string): Promise<TaskPage>;
}
