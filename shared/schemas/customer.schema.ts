// The customer (debtor) as partners send it and as Arrears answers it.
import * as z from 'zod';
import {
  CountrySchema,
  CurrencySchema,
  MinorUnitsSchema,
  EmailSchema,
  LocaleSchema,
  PartnerIdSchema,
  PhoneSchema,
  TextSchema,
  TimeZoneSchema,
} from './common.schema';

export const CustomerKindSchema = z.enum(['consumer', 'business']);

export const PutCustomerBodySchema = z
  .strictObject({
    name: TextSchema(200),
    kind: CustomerKindSchema,
    email: EmailSchema.optional(),
    phone: PhoneSchema.optional(),
    timeZone: TimeZoneSchema,
    locale: LocaleSchema.optional(),
    country: CountrySchema.optional(),
    region: TextSchema(100).optional(),
    segment: TextSchema(100).optional(),
    creditLimit: z
      .strictObject({ amount: MinorUnitsSchema.min(0, 'must not be negative'), currency: CurrencySchema })
      .optional()
      .meta({ description: 'What the customer may owe in all (open balance plus unbilled) before a credit hold.' }),
  })
  .meta({ id: 'PutCustomerBody' });
export type PutCustomerBody = z.infer<typeof PutCustomerBodySchema>;

export const ChannelSchema = z.enum(['email', 'sms', 'call']);
export type ContactChannel = z.infer<typeof ChannelSchema>;

export const PostOptOutBodySchema = z
  .strictObject({
    channel: ChannelSchema,
    address: z.union([EmailSchema, PhoneSchema]).optional().meta({
      description:
        "The email address or phone number opted out; defaults to the customer's current one for the channel.",
    }),
  })
  .meta({ id: 'PostOptOutBody' });
export type PostOptOutBody = z.infer<typeof PostOptOutBodySchema>;

export const OptOutSchema = z
  .object({
    id: z.string(),
    channel: ChannelSchema,
    address: z.string(),
    /** Why: the customer asked (API or unsubscribe link), or the address bounced or complained (SES). */
    reason: z.enum(['requested', 'unsubscribe-link', 'bounce', 'complaint']).optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'OptOut' });
export type OptOut = z.infer<typeof OptOutSchema>;

export const CustomerSchema = PutCustomerBodySchema.extend({
  // Checked against the real lists when written; a customer stored before those checks still loads as it was written.
  locale: z.string().optional().meta({ example: 'nb-NO' }),
  country: z.string().optional().meta({ example: 'NO' }),
  id: PartnerIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Who wrote it last: "api:<keyId>" (audit). */
  updatedBy: z.string().optional(),
  /** Set once the customer's personal data was erased (GDPR): name, email, phone and region are gone for good. */
  erasedAt: z.string().optional(),
  erasedBy: z.string().optional(),
  version: z.number().int(),
}).meta({ id: 'Customer' });
export type Customer = z.infer<typeof CustomerSchema>;

export const CustomerResponseSchema = CustomerSchema.extend({ optOuts: z.array(OptOutSchema) }).meta({
  id: 'CustomerResponse',
});

export const CustomerPathSchema = z.strictObject({ customerId: PartnerIdSchema });
