// A delinquency (one overdue invoice's collection lifecycle), its timeline and the claims that make each action happen once.
import * as z from 'zod';
import { TIMELINE_KIND_NAMES, TIMELINE_RULE_NAMES } from '../domain/timeline-catalog';
import { ScoreSchema } from './score.schema';

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
  /** A hold put on by hand (status `paused`): why, by whom, and when it ends by itself (null: until released). */
  hold: z.object({ reason: z.string(), by: z.string(), at: z.string(), releaseAt: z.string().nullable() }).nullish(),
  /** The collector working it; null while unassigned. */
  assigneeId: z.string().nullable().default(null),
  /** Propensity to pay, recomputed whenever the execution re-reads the facts; null before the first scoring. */
  score: ScoreSchema.nullable().default(null),
  /** The score's inputs when the debt opened (packed like Score.inputs): what a fitted model learns from. */
  openingInputs: z.array(z.number().nullable()).nullable().default(null),
  /** Work-queue rank (0..1 000 000, higher first): expected recovery weighted by urgency. */
  priority: z.number().int().default(0),
  /** What was owed when it was last scored, in minor units: what the work queue shows and ranks by. */
  balance: z.number().int().default(0),
  /** Promises to pay on this debt that were broken; the customer's score counts them. */
  brokenPromises: z.number().int().default(0),
  /** Task token of the execution's current wait, so an event can wake it at once. */
  taskToken: z.string().nullable(),
  /** The passes the execution waiting on it has made: its history grows with them, and it hands over before the limit. */
  wakes: z.object({ execution: z.string(), passes: z.number().int().min(1) }).optional(),
  version: z.number().int(),
});
export type Delinquency = z.infer<typeof DelinquencySchema>;

/** An entry as the code writes it: its kind and rule come from the catalog (shared/domain/timeline-catalog.ts). */
export const TimelineEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** What happened, e.g. delinquency.opened, reminder.sent, step.skipped, charge.applied, handed_off. */
  kind: z.enum(TIMELINE_KIND_NAMES),
  /** Who or what caused it: "schedule", "execution", "api:<keyId>", "person:<username>", "provider:stripe". */
  actor: z.string(),
  stepId: z.string().optional(),
  channel: z.string().optional(),
  /** Why, in words a collector can read. */
  detail: z.string(),
  /** The rule that decided it, where one did (e.g. "ladder.catch-up", "contact.quiet-hours", "opt-out"). */
  rule: z.enum(TIMELINE_RULE_NAMES).optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

// Read leniently: items written by older versions may hold kinds or rules the catalog no longer names.
export const StoredTimelineEntrySchema = TimelineEntrySchema.extend({
  kind: z.string(),
  rule: z.string().optional(),
});
export type StoredTimelineEntry = z.infer<typeof StoredTimelineEntrySchema>;

// 'sending': the provider is being called; 'unknown': that attempt died before recording its answer (never resent).
export const ClaimStatusSchema = z.enum([
  'claimed',
  'sent',
  'failed',
  'skipped',
  'suppressed',
  'charged',
  'done',
  'sending',
  'unknown',
]);
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
