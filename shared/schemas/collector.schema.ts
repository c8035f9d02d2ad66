// A collector (a person working the queue) as managers register them, with the load and results assignment weighs.
import * as z from 'zod';
import { EmailSchema, PartnerIdSchema, TextSchema } from './common.schema';

export const PutCollectorBodySchema = z
  .strictObject({
    name: TextSchema(200),
    email: EmailSchema.optional(),
    capacity: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .meta({ description: 'How many open delinquencies automatic assignment gives them at most.' }),
    active: z
      .boolean()
      .default(true)
      .meta({ description: 'Inactive collectors keep what they have but get nothing new.' }),
  })
  .meta({ id: 'PutCollectorBody' });
export type PutCollectorBody = z.infer<typeof PutCollectorBodySchema>;

export const CollectorSchema = z
  .object({
    id: PartnerIdSchema,
    name: z.string(),
    email: z.string().optional(),
    capacity: z.number().int(),
    active: z.boolean(),
    /** Open delinquencies assigned to them now. */
    openCount: z.number().int(),
    /** Per month and kind ("2026-12#assigned", "2026-12#resolved"): debts given to them, and those that ended paid. */
    results: z.record(z.string(), z.number().int()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Collector' });
export type Collector = z.infer<typeof CollectorSchema>;

export const CollectorPathSchema = z.strictObject({ collectorId: PartnerIdSchema });
export const CollectorListSchema = z.object({ items: z.array(CollectorSchema) }).meta({ id: 'CollectorList' });

export const PutAssigneeBodySchema = z
  .strictObject({
    collectorId: PartnerIdSchema.nullable().meta({
      description: 'The collector to work it; null leaves it unassigned.',
    }),
  })
  .meta({ id: 'PutAssigneeBody' });
