// Every integration event Arrears publishes (source "arrears"), as one discriminated union subscribers can validate with.
import * as z from 'zod';
import { CaseFileSchema, DelinquencyHandedOffSchema, DelinquencyWrittenOffSchema } from './case-closed.event';
import { ChargeAppliedSchema } from './charge-applied.event';
import { CreditHoldSchema, CreditReleasedSchema } from './credit-hold.event';
import { DelinquencyEscalatedSchema } from './delinquency-escalated.event';
import { DelinquencyOpenedSchema } from './delinquency-opened.event';
import { ReminderSentSchema } from './reminder-sent.event';

export const EVENT_SOURCE = 'arrears';

export const IntegrationEventSchema = z.discriminatedUnion('detailType', [
  DelinquencyOpenedSchema,
  ReminderSentSchema,
  ChargeAppliedSchema,
  DelinquencyEscalatedSchema,
  DelinquencyHandedOffSchema,
  DelinquencyWrittenOffSchema,
  CreditHoldSchema,
  CreditReleasedSchema,
]);
export type IntegrationEvent = z.infer<typeof IntegrationEventSchema>;
export type CaseFile = z.infer<typeof CaseFileSchema>;
