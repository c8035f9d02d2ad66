// The card checkout and named secrets a function's environment asks for: the wiring a route's composition root calls.
import { StripeCheckout } from '../adapters/stripe/stripe-checkout';
import { noCardCheckout, type CardCheckout } from '../ports/card-checkout.port';
import { DEFAULT_SECRETS_NAMESPACE, type Secrets } from '../ports/secrets.port';
import type { ApiEnv } from './api.env';
import { secretsOnFirstUse } from './aws-adapters-on-first-use';

const noSecrets: Secrets = { get: async () => null };

/** Secrets Manager when the function was given a namespace (and so a grant), else no secrets at all. */
export const secretsFrom = (env: Pick<ApiEnv, 'SECRETS_NAMESPACE'>): { secrets: Secrets; namespace: string } =>
  env.SECRETS_NAMESPACE
    ? { secrets: secretsOnFirstUse(), namespace: env.SECRETS_NAMESPACE }
    : { secrets: noSecrets, namespace: DEFAULT_SECRETS_NAMESPACE };

/** Stripe Checkout with each tenant's key from Secrets Manager, or no card checkout for a function not granted one. */
export const cardCheckoutFrom = (
  env: Pick<ApiEnv, 'CARD_CHECKOUT' | 'STRIPE_API_URL' | 'SECRETS_NAMESPACE'>,
  secrets: Secrets = secretsFrom(env).secrets,
): CardCheckout => {
  if (env.CARD_CHECKOUT !== 'stripe' || !env.SECRETS_NAMESPACE) return noCardCheckout;
  return new StripeCheckout(secrets, env.SECRETS_NAMESPACE, env.STRIPE_API_URL?.replace(/\/$/, ''));
};
