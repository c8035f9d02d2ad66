// An escalation strategy: a ladder of dated steps plus an interest rule, chosen per invoice by segment, score band and amount.
import * as z from 'zod';
import { TEMPLATE_NAMES } from '../domain/messages/templates';
import {
  CalendarDateSchema,
  CurrencySchema,
  PartnerIdSchema,
  PositiveMinorUnitsSchema,
  TextSchema,
} from './common.schema';

/** `statement`: emails the customer's statement (all open invoices, or this one, as the tenant's `statementMode` says). */
export const StepChannelSchema = z.enum(['email', 'sms', 'call', 'letter', 'statement', 'agency', 'write_off']);
export type StepChannel = z.infer<typeof StepChannelSchema>;

/** Channels that end the road: after them the delinquency leaves collection. */
export const TERMINAL_CHANNELS: readonly StepChannel[] = ['agency', 'write_off'];

export const ScoreBandSchema = z.enum(['high', 'medium', 'low']).meta({
  description: 'Propensity-to-pay band: high (likely to pay), medium, low.',
});
export type ScoreBand = z.infer<typeof ScoreBandSchema>;

export const StepFeeSchema = z.union([
  z.strictObject({
    amount: PositiveMinorUnitsSchema,
    currency: CurrencySchema.optional().meta({
      description:
        'Charge this fixed fee only on invoices in this currency; without it, the amount is in the invoice currency.',
    }),
  }),
  z.strictObject({
    percent: z.number().positive('must be greater than zero').max(100, 'must be at most 100'),
  }),
]);

export const StepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lowercase letters, digits and hyphens'),
  offsetDays: z
    .number()
    .int('must be a whole number of days')
    .min(-60, 'must be at most 60 days before the due date')
    .max(730, 'must be at most 730 days after the due date')
    .meta({ description: 'Days from the due date; negative before it.' }),
  channel: StepChannelSchema,
  template: z
    .enum(TEMPLATE_NAMES, { error: () => `must name a template: one of ${TEMPLATE_NAMES.join(', ')}` })
    .optional()
    .meta({
      description: "The words of the message or letter; without it the channel's default (overdue, overdue-sms).",
    }),
  fee: StepFeeSchema.optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const InterestSchema = z
  .strictObject({
    rule: z.enum(['none', 'simple', 'uk-late-payment', 'eu-late-payment']),
    annualRatePercent: z.number().min(0).max(100).optional(),
    referenceRates: z
      .array(z.strictObject({ from: CalendarDateSchema, percent: z.number().min(-10).max(100) }))
      .max(500)
      .optional(),
  })
  .refine((interest) => interest.rule !== 'simple' || interest.annualRatePercent !== undefined, {
    path: ['annualRatePercent'],
    message: 'is required for the simple rule',
  });

export const AppliesToSchema = z.strictObject({
  segment: TextSchema(100).optional(),
  scoreBand: ScoreBandSchema.optional(),
  minAmount: PositiveMinorUnitsSchema.optional().meta({
    description: 'Smallest invoice amount (minor units) it applies to.',
  }),
});

const stepIssues = (steps: Step[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    if (seen.has(step.id))
      ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `repeats step id "${step.id}"` });
    seen.add(step.id);
    const previous = steps[index - 1];
    if (previous && step.offsetDays < previous.offsetDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'offsetDays'],
        message: 'must not be earlier than the step before it',
      });
    }
    const terminal = TERMINAL_CHANNELS.includes(step.channel);
    if (terminal && index !== steps.length - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'channel'],
        message: `${step.channel} ends the ladder: it must be the last step`,
      });
    }
    if (terminal && step.offsetDays < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'offsetDays'],
        message: 'a hand-off or write-off must come after the due date',
      });
    }
    if (step.fee && step.offsetDays < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index, 'fee'],
        message: 'a fee can only be charged after the due date',
      });
    }
  });
};

export const PutStrategyBodySchema = z
  .strictObject({
    name: TextSchema(200),
    appliesTo: AppliesToSchema.optional(),
    steps: z.array(StepSchema).min(1, 'must have at least one step').max(30, 'must have at most 30 steps'),
    interest: InterestSchema.optional(),
  })
  .superRefine((body, ctx) => stepIssues(body.steps, ctx))
  .meta({ id: 'PutStrategyBody' });
export type PutStrategyBody = z.infer<typeof PutStrategyBodySchema>;

export const StrategySchema = z
  .object({
    id: PartnerIdSchema,
    name: z.string(),
    appliesTo: AppliesToSchema.optional(),
    steps: z.array(StepSchema),
    interest: InterestSchema.optional(),
    isDefault: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Strategy' });
export type Strategy = z.infer<typeof StrategySchema>;

export const StrategyPathSchema = z.strictObject({ strategyId: PartnerIdSchema });
export const StrategyListSchema = z.object({ strategies: z.array(StrategySchema) }).meta({ id: 'StrategyList' });
