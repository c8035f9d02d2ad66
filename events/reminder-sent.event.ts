// reminder.sent: an email or SMS of a ladder step left Arrears (accepted by the provider).
import * as z from 'zod';

export const ReminderSentSchema = z.object({
  detailType: z.literal('reminder.sent'),
  detail: z.object({
    tenantId: z.string(),
    delinquencyId: z.string().nullable(),
    invoiceId: z.string(),
    customerId: z.string(),
    stepId: z.string(),
    channel: z.enum(['email', 'sms']),
    messageId: z.string(),
    sentAt: z.string(),
  }),
});
