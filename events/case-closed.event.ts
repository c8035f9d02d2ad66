// delinquency.handed_off and delinquency.written_off: the end of the road, with the case file an agency or ledger needs.
import * as z from 'zod';
import { DelinquencyRefSchema } from './delinquency-ref';

export const CaseFileSchema = z.object({
  customer: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    email: z.string().optional(),
    phone: z.string().optional(),
    timeZone: z.string(),
    country: z.string().optional(),
  }),
  invoices: z.array(
    z.object({
      id: z.string(),
      amount: z.number().int(),
      currency: z.string(),
      dueDate: z.string(),
      paid: z.number().int(),
      fees: z.number().int(),
      interest: z.number().int(),
      balance: z.number().int(),
    }),
  ),
  balance: z.number().int(),
  currency: z.string(),
  contacts: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      channel: z.string().optional(),
      stepId: z.string().optional(),
      detail: z.string(),
    }),
  ),
});

const closed = <T extends string>(detailType: T) =>
  z.object({
    detailType: z.literal(detailType),
    detail: DelinquencyRefSchema.extend({
      /** The ladder's last step, or `by-hand` when a manager closed it. */
      stepId: z.string(),
      at: z.string(),
      /** Who closed it by hand and why; absent when the ladder did. */
      byHand: z.object({ actor: z.string(), reason: z.string(), agency: z.string().optional() }).optional(),
      caseFile: CaseFileSchema,
    }),
  });

export const DelinquencyHandedOffSchema = closed('delinquency.handed_off');
export const DelinquencyWrittenOffSchema = closed('delinquency.written_off');
