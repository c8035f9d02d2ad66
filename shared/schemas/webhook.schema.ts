// The shapes of the provider webhook endpoints: the path and the acknowledgement a provider gets back.
import * as z from 'zod';
import { PartnerIdSchema } from './common.schema';

export const WebhookPathSchema = z.strictObject({ tenantId: PartnerIdSchema });

export const WebhookAnswerSchema = z
  .object({
    received: z.literal(true),
    eventId: z.string(),
    outcome: z.enum(['applied', 'ignored', 'unmatched', 'rejected', 'waiting', 'processing']),
    replayed: z.boolean(),
  })
  .meta({ id: 'WebhookAnswer' });
