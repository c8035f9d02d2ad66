// The shapes of the API's answers, taken from the very zod schemas the API validates and documents with (types only:
// no schema code reaches the console's bundle). Add a line here for each answer a screen reads.
import type * as z from 'zod';
import type { QueuePageSchema, QueueItemSchema } from '../../shared/schemas/queue.schema';
import type { CustomerResponseSchema } from '../../shared/schemas/customer.schema';
import type { TaskPageSchema, CollectorTaskSchema } from '../../shared/schemas/task.schema';
import type { CollectorListSchema } from '../../shared/schemas/collector.schema';

export type QueuePage = z.infer<typeof QueuePageSchema>;
export type QueueItem = z.infer<typeof QueueItemSchema>;
export type Customer = z.infer<typeof CustomerResponseSchema>;
export type TaskPage = z.infer<typeof TaskPageSchema>;
export type CollectorTask = z.infer<typeof CollectorTaskSchema>;
export type CollectorList = z.infer<typeof CollectorListSchema>;
