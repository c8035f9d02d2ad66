// A delinquency's propensity-to-pay score as stored and answered: the probability, its band, and why, in words.
import * as z from 'zod';
import { ScoreBandSchema } from './strategy.schema';

export const SCORE_FEATURES = [
  'daysPastDue',
  'amountRatio',
  'priorDelinquencies',
  'priorBadEndings',
  'brokenPromises',
  'onTimeShare',
  'respondedShare',
  'reachableChannels',
  'bounced',
  'tenureYears',
] as const;
export type ScoreFeature = (typeof SCORE_FEATURES)[number];

/** The facts a score is computed from, as measured (before the model's transforms). */
export const ScoreInputsSchema = z.object({
  daysPastDue: z.number().int(),
  /** The balance divided by the customer's usual (median) invoice amount in that currency; 1 without history. */
  amountRatio: z.number(),
  priorDelinquencies: z.number().int(),
  /** Earlier delinquencies that ended handed off or written off. */
  priorBadEndings: z.number().int(),
  brokenPromises: z.number().int(),
  /** Share of the customer's settled invoices paid by their due date; null without any. */
  onTimeShare: z.number().nullable(),
  /** Share of earlier delinquencies paid within 14 days of the first reminder; null without any. */
  respondedShare: z.number().nullable(),
  /** Email and SMS channels the customer can be reached on (an address present and not opted out). */
  reachableChannels: z.number().int(),
  /** An address of the customer bounced or complained. */
  bounced: z.boolean(),
  tenureYears: z.number(),
});
export type ScoreInputs = z.infer<typeof ScoreInputsSchema>;

/**
 * The score as stored on the delinquency, kept small (it is rewritten with every save and copied into the queue
 * indexes): the inputs as one array in SCORE_FEATURES order; the reasons are put in words when read.
 */
export const ScoreSchema = z
  .object({
    value: z.number().min(0).max(1).meta({ description: 'Probability that the debt is paid, 0..1.' }),
    band: ScoreBandSchema,
    inputs: z.array(z.number().nullable()).length(SCORE_FEATURES.length),
    /** The model that produced it: "default" or the tenant's fitted model's id. */
    model: z.string(),
    computedAt: z.string(),
  })
  .meta({ id: 'Score' });
export type Score = z.infer<typeof ScoreSchema>;

/**
 * Far beyond any fitted weight (a logit of ±1000 already saturates the probability), and far inside what DynamoDB and
 * exact doubles hold: a larger number is a mistake, refused by field rather than failing the save.
 */
export const MAX_SCORE_COEFFICIENT = 1_000_000;
const Coefficient = z
  .number()
  .finite()
  .min(-MAX_SCORE_COEFFICIENT, `must be at least -${MAX_SCORE_COEFFICIENT}`)
  .max(MAX_SCORE_COEFFICIENT, `must be at most ${MAX_SCORE_COEFFICIENT}`);

/** A logistic scorecard: logit = intercept + Σ weight × transformed input. */
export const ScoreModelSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    intercept: Coefficient,
    weights: z.strictObject(
      Object.fromEntries(SCORE_FEATURES.map((name) => [name, Coefficient])) as Record<ScoreFeature, z.ZodNumber>,
    ),
  })
  .meta({ id: 'ScoreModel' });
export type ScoreModel = z.infer<typeof ScoreModelSchema>;

export const packInputs = (inputs: ScoreInputs): (number | null)[] =>
  SCORE_FEATURES.map((name) => (name === 'bounced' ? (inputs.bounced ? 1 : 0) : (inputs[name] as number | null)));

export const unpackInputs = (packed: readonly (number | null)[]): ScoreInputs => {
  const value = (name: ScoreFeature) => packed[SCORE_FEATURES.indexOf(name)] ?? null;
  return {
    daysPastDue: value('daysPastDue') ?? 0,
    amountRatio: value('amountRatio') ?? 1,
    priorDelinquencies: value('priorDelinquencies') ?? 0,
    priorBadEndings: value('priorBadEndings') ?? 0,
    brokenPromises: value('brokenPromises') ?? 0,
    onTimeShare: value('onTimeShare'),
    respondedShare: value('respondedShare'),
    reachableChannels: value('reachableChannels') ?? 0,
    bounced: value('bounced') === 1,
    tenureYears: value('tenureYears') ?? 0,
  };
};
