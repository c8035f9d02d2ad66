// A delinquency (one overdue invoice's collection lifecycle), its timeline and the claims that make each action happen once.
import { z } from 'zod';

export const DelinquencyStatusSchema = z.enum([
  'active',
  'paused',
  'promised',
  'in_plan',
  'disputed',
  'resolved',
  'handed_off',
  'written_off',
]);
export type DelinquencyStatus = z.infer<typeof DelinquencyStatusSchema>;

/** Statuses after which nothing more happens to the delinquency. */
export const CLOSED_STATUSES: readonly DelinquencyStatus[] = ['resolved', 'handed_off', 'written_off'];

export const DelinquencySchema = z.object({
  id: z.string(),
  invoiceId: z.string(),
  customerId: z.string(),
  currency: z.string(),
  status: DelinquencyStatusSchema,
  strategyId: z.string(),
  /** The last step acted on; null before the first. */
  stage: z.string().nullable(),
  /** Step ids already acted on or skipped: the facts a wake-up derives the next step from. */
  doneSteps: z.array(z.string()),
  nextActionAt: z.string().nullable(),
  nextStep: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Bumped by every fact that should wake the execution (payment, promise, dispute); guards the parked task token. */
  factsVersion: z.number().int(),
  /** How often a refund or chargeback reopened it after it was resolved; names each new execution. */
  reopenCount: z.number().int().default(0),
  /** The promise to pay the pause is waiting on, while the status is `promised`. */
  activePromiseId: z.string().nullable().default(null),
  /** The payment plan being followed, while the status is `in_plan`. */
  activePlanId: z.string().nullable().default(null),
  /** Task token of the execution's current wait, so an event can wake it at once. */
  taskToken: z.string().nullable(),
  version: z.number().int(),
});
export type Delinquency = z.infer<typeof DelinquencySchema>;

export const TimelineEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** What happened, e.g. delinquency.opened, reminder.sent, step.skipped, charge.applied, handed_off. */
  kind: z.string(),
  /** Who or what caused it: "schedule", "execution", "api:<keyId>", "provider:stripe". */
  actor: z.string(),
  stepId: z.string().optional(),
  channel: z.string().optional(),
  /** Why, in words a collector can read. */
  detail: z.string(),
  /** The rule that decided it, where one did (e.g. "ladder.catch-up", "contact.quiet-hours", "opt-out"). */
  rule: z.string().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const ClaimStatusSchema = z.enum(['claimed', 'sent', 'failed', 'skipped', 'suppressed', 'charged', 'done']);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

export const ChargeSchema = z
  .object({
    id: z.string(),
    invoiceId: z.string(),
    kind: z.enum(['fee', 'compensation']),
    amount: z.number().int(),
    currency: z.string(),
    stepId: z.string().nullable(),
    rule: z.string(),
    inputs: z.record(z.string(), z.union([z.string(), z.number()])),
    chargedAt: z.string(),
  })
  .meta({ id: 'Charge' });
export type Charge = z.infer<typeof ChargeSchema>;
