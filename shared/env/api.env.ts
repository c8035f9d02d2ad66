// The environment every partner-API function needs, validated once per cold start; the CDK side is typed from it.
import * as z from 'zod';

export const ApiEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** Shards of the due-date index per tenant and date (see keys.ts); fixed for the life of the data. */
  DUE_DATE_SHARDS: z.coerce.number().int().min(1).max(256).default(16),
  /** Largest request body accepted, in bytes; larger ones get 413 before anything is parsed. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(65_536),
  /** Only on routes that send email themselves (the unsubscribe confirmation); without them nothing is sent. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  DEFAULT_EMAIL_FROM: z.email().optional(),
  /** Only on routes that may start executions (a refund reopening a resolved delinquency). */
  STATE_MACHINE_ARN: z.string().min(1).optional(),
  /** Only on routes that publish integration events (credit holds). */
  EVENT_BUS_NAME: z.string().min(1).optional(),
  /** Only on webhook routes: where tenants' signing secrets live. */
  WEBHOOK_SECRETS: z.literal('secrets-manager').optional(),
  /** Only on routes that read named secrets (a tenant's Stripe key, the portal's signing key): their namespace. */
  SECRETS_NAMESPACE: z.string().min(1).optional(),
  /** Only on routes that create or read Checkout Sessions: the card provider. */
  CARD_CHECKOUT: z.literal('stripe').optional(),
  /** Stripe's API base (a stand-in's when testing a deployment against one); Stripe's own when unset. */
  STRIPE_API_URL: z.url().optional(),
  /** On routes people call: the user pool's issuer URL (its keys at <issuer>/.well-known/jwks.json) and the console's client id. */
  ID_TOKEN_ISSUER: z.url().optional(),
  ID_TOKEN_AUDIENCE: z.string().min(1).optional(),
  /** Only on the routes that manage people (invite, role, deactivate): the user pool's id. */
  USER_POOL_ID: z.string().min(1).optional(),
});
export type ApiEnv = z.infer<typeof ApiEnvSchema>;
