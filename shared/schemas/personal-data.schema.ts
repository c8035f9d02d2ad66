// GDPR answers: everything held about a customer (export), and the erasure decision that is recorded and returned.
import * as z from 'zod';

export const ErasureSchema = z
  .object({
    customerId: z.string(),
    erasedAt: z.string(),
    erasedBy: z.string().meta({ description: 'Who decided it: "api:<keyId>" or "person:<username>".' }),
    erased: z.array(z.string()).meta({ description: 'What was erased or replaced by a hash.' }),
    kept: z.array(z.string()).meta({ description: 'What was kept, anonymised, and why.' }),
    retainUntil: z
      .string()
      .meta({ format: 'date', description: 'The kept financial records may be deleted after this day.' }),
  })
  .meta({ id: 'Erasure' });
export type Erasure = z.infer<typeof ErasureSchema>;

const Records = z.array(z.record(z.string(), z.unknown()));

export const CustomerExportSchema = z
  .object({
    customerId: z.string(),
    exportedAt: z.string(),
    customer: z.record(z.string(), z.unknown()).nullable(),
    erasure: ErasureSchema.nullable(),
    optOuts: Records,
    credit: Records,
    invoices: Records,
    payments: Records,
    charges: Records,
    refunds: Records,
    delinquencies: Records,
    timeline: Records,
    promises: Records,
    plans: Records,
    disputes: Records,
    contacts: Records,
    letters: Records,
    tasks: Records,
    messages: Records.meta({ description: 'What was sent or skipped on each step (the send records).' }),
    requests: Records.meta({
      description: 'Answers about the customer kept for Idempotency-Key replays (24 hours), with the response as sent.',
    }),
  })
  .meta({
    id: 'CustomerExport',
    description: 'Everything Arrears holds about one customer, as stored (link tokens left out: they are credentials).',
  });
export type CustomerExport = z.infer<typeof CustomerExportSchema>;
