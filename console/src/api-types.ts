// The shapes of the API's answers, taken from the very zod schemas the API validates and documents with (types only:
// no schema code reaches the console's bundle). Add a line here for each answer a screen reads.
import type * as z from 'zod';
import type { QueuePageSchema, QueueItemSchema } from '../../shared/schemas/queue.schema';
import type { CustomerResponseSchema } from '../../shared/schemas/customer.schema';
import type { TaskPageSchema, CollectorTaskSchema } from '../../shared/schemas/task.schema';

export type QueuePage = z.infer<typeof QueuePageSchema>;
export type QueueItem = z.infer<typeof QueueItemSchema>;
export type Customer = z.infer<typeof CustomerResponseSchema>;
export type TaskPage = z.infer<typeof TaskPageSchema>;
export type CollectorTask = z.infer<typeof CollectorTaskSchema>;
// The dashboard's reports and the collectors whose names it shows.
import type { AgingReportSchema, KpiReportSchema, KpiFiguresSchema } from '../../shared/schemas/report.schema';
import type { CollectorListSchema } from '../../shared/schemas/collector.schema';
export type AgingReport = z.infer<typeof AgingReportSchema>;
export type KpiReport = z.infer<typeof KpiReportSchema>;
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;
export type CollectorList = z.infer<typeof CollectorListSchema>;
