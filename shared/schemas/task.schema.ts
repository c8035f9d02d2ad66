// A collector's task: work a person must do (a call the ladder asked for, a follow-up a person set when logging a
// contact), listed oldest first until it is done.
import * as z from 'zod';
import { CalendarDateSchema, TimeZoneSchema } from './common.schema';

export const CollectorTaskSchema = z
  .object({
    id: z.string(),
    /** `call`: the ladder's call step; `follow_up`: the date a person chose when logging a contact. */
    kind: z.enum(['call', 'follow_up']),
    status: z.enum(['open', 'done']),
    delinquencyId: z.string(),
    invoiceId: z.string(),
    customerId: z.string(),
    /** The ladder step that asked for it; `follow-up-<contactId>` for a follow-up. */
    stepId: z.string(),
    /** The person it is for (a follow-up is for the person who set it); absent: any collector. */
    assignee: z.string().nullable().optional(),
    /** What to follow up on, in the words of the person who set it. */
    note: z.string().optional(),
    /** When the task became due (the step's moment, inside the customer's contact hours). */
    dueAt: z.string(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
    /** What closed it: `api:<keyId>` by hand, `contact:<contactId>` a logged call, `delinquency:<status>` the closed debt. */
    doneBy: z.string().nullable().optional(),
    /**
     * The person who should do it (a collector's username: the case's assignee when the ladder asked for the call, the
     * person who set a follow-up), or null for anyone; tasks stored before people had tasks read as null.
     */
    assigneeId: z.string().nullable().default(null),
    /** The calendar day it is due, when a person chose one (a follow-up date); null when only `dueAt` says when. */
    dueOn: CalendarDateSchema.nullable().default(null),
  })
  .meta({ id: 'CollectorTask' });
export type CollectorTask = z.infer<typeof CollectorTaskSchema>;
/** A task as it is handed to storage: the person and the day may be left out (null). */
export type NewCollectorTask = z.input<typeof CollectorTaskSchema>;

export const TaskListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** The `nextCursor` of the previous page, as given. */
  cursor: z.string().min(1).max(2048).optional(),
  /** Whose tasks: `me` (the caller's), a collector's username, or left out for the whole team's. */
  assignee: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}$/, 'must be "me" or a username')
    .optional(),
  /** Only tasks due before today (`overdue`), during today (`today`) or after it (`upcoming`): the day in `zone`. */
  due: z.enum(['overdue', 'today', 'upcoming']).optional(),
  /** The reader's time zone, which says when today starts and ends (default: the tenant's). */
  zone: TimeZoneSchema.optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

export const TaskPageSchema = z
  .object({ items: z.array(CollectorTaskSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CollectorTaskPage' });

export const TaskPathSchema = z.strictObject({ taskId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a task id') });
