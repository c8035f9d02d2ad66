// The work queue as collectors read it: open delinquencies, highest expected recovery first, with what to act on.
import * as z from 'zod';
import { CurrencySchema, PartnerIdSchema } from './common.schema';
import { DelinquencyStatusSchema } from './delinquency.schema';
import { ScoreBandSchema } from './strategy.schema';

const OPEN_STATUSES = ['active', 'paused', 'promised', 'in_plan', 'disputed'] as const;

/** How a page is ordered; only priority is an index order, the others sort one collector's queue as read whole. */
export const QUEUE_SORTS = ['priority', 'daysPastDue', 'balance'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const QueueQuerySchema = z.strictObject({
  status: z.enum(OPEN_STATUSES).default('active').meta({
    description: 'Which open delinquencies: those escalating (default), or those paused by a promise, plan or dispute.',
  }),
  assignee: z
    .union([z.literal('unassigned'), z.literal('me'), PartnerIdSchema])
    .optional()
    .meta({
      description:
        'A collector\'s id for their queue, "me" for the signed-in person\'s own (their username is their collector id), or "unassigned".',
    }),
  band: ScoreBandSchema.optional(),
  currency: CurrencySchema.optional(),
  stage: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a strategy step id: 1-40 lowercase letters, digits and hyphens')
    .optional()
    .meta({ description: 'Only delinquencies whose last step acted on is this one (a strategy step id).' }),
  sort: z.enum(QUEUE_SORTS).default('priority').meta({
    description:
      "priority (default: expected recovery weighted by urgency, from the queue indexes), or, for one collector's queue only (`assignee`), daysPastDue (most overdue first) or balance (largest first).",
  }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export const QueueItemSchema = z
  .object({
    id: z.string(),
    status: DelinquencyStatusSchema,
    customerId: z.string(),
    customerName: z.string().nullable().meta({
      description:
        "The customer's name; null if the customer is gone, and in PUT …/assignee's answer, which reads none.",
    }),
    customerTimeZone: z.string().nullable().meta({ description: "The customer's time zone (IANA), for their dates." }),
    invoiceId: z.string(),
    dueDate: z.string().nullable().meta({ description: "The invoice's due date (YYYY-MM-DD)." }),
    daysPastDue: z.number().int().nullable().meta({
      description:
        "Days since the due date, on the customer's calendar; null where the invoice was not read (as customerName).",
    }),
    currency: z.string(),
    balance: z.number().int().meta({ description: 'What is owed, in minor units of `currency`.' }),
    baseBalance: z.object({ amount: z.number().int(), currency: z.string(), rateDate: z.string() }).nullable().meta({
      description:
        "The balance in the tenant's base currency (minor units), at the latest euro reference rates on or before today (`rateDate`); null if no table quotes the currency.",
    }),
    score: z.object({ value: z.number(), band: ScoreBandSchema, reasons: z.array(z.string()) }).nullable(),
    priority: z.number().int().meta({
      description:
        "Rank in the queue: expected recovery in the tenant's base currency, weighted by urgency (higher first).",
    }),
    assigneeId: z.string().nullable(),
    stage: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextActionAt: z.string().nullable(),
    openedAt: z.string(),
  })
  .meta({ id: 'QueueItem' });

export const QueuePageSchema = z
  .object({ items: z.array(QueueItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'QueuePage' });
