// delinquency.escalated: the ladder moved to a step; a call step asks a dialer to call, a letter step a printer to print.
import * as z from 'zod';
import { DelinquencyRefSchema } from './delinquency-ref';

export const DelinquencyEscalatedSchema = z.object({
  detailType: z.literal('delinquency.escalated'),
  detail: DelinquencyRefSchema.extend({
    stepId: z.string(),
    channel: z.enum(['email', 'sms', 'call', 'letter']),
    /** For a call: the number to dial (E.164); for a letter: the id of the stored letter. */
    phone: z.string().optional(),
    letterId: z.string().optional(),
    at: z.string(),
  }),
});
