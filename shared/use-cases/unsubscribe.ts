// The unsubscribe link of every email: it opts that address out at once, with no login and no other question asked,
// and sends the one confirmation the contact rules allow (DESIGN §3.4) the first time only.
import { newId } from '../domain/ids';
import { creditorOf } from '../domain/creditor';
import { readerLocale, renderOptOutConfirmation, templateLocale } from '../domain/messages/render';
import { senderOf } from '../domain/messages/sender';
import { NotFoundError } from '../errors/errors';
import { logger } from '../observability/logger';
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer-repository.port';
import type { EmailSender } from '../ports/notifier.port';
import { metricsOf, type BusinessMetrics } from '../ports/metrics.port';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { UnsubscribeTokens } from '../ports/unsubscribe-tokens.port';

/** How the confirmation goes out; absent where a function has no sending rights (then none is sent). */
export interface ConfirmationSender {
  email: EmailSender;
  defaultEmailFrom: string;
}

export interface UnsubscribeDeps {
  clock: Clock;
  customers: CustomerRepository;
  tenants: TenantDirectory;
  unsubscribeTokens: UnsubscribeTokens;
  confirmations: ConfirmationSender | null;
  metrics?: BusinessMetrics;
}

export interface UnsubscribeResult {
  channel: string;
  address: string;
  /** True only on the request that opted the address out and had its confirmation accepted by the provider. */
  confirmationSent: boolean;
}

export const unsubscribe = async (deps: UnsubscribeDeps, token: string): Promise<UnsubscribeResult> => {
  const target = await deps.unsubscribeTokens.resolve(token);
  if (!target) throw new NotFoundError('this unsubscribe link is not known');
  const now = deps.clock.now();
  const { optOut, created } = await deps.customers.addOptOut(target.tenantId, target.customerId, {
    id: newId('opt', now),
    channel: target.channel,
    address: target.address.toLowerCase(),
    reason: 'unsubscribe-link',
    createdAt: now.toISOString(),
  });
  // Only the request that stored the opt-out confirms it: a second click, a mail scanner's POST or a retry sends nothing.
  const confirmationSent =
    created && optOut.channel === 'email'
      ? await sendConfirmation(deps, target.tenantId, target.customerId, target.address)
      : false;
  return { channel: optOut.channel, address: optOut.address, confirmationSent };
};

/**
 * The opt-out is already stored and honoured; a confirmation that cannot be sent is not worth failing the click for
 * (a retry would find the opt-out and send nothing anyway), so a provider error is logged (ids only) and reported as
 * not sent.
 */
const sendConfirmation = async (
  deps: UnsubscribeDeps,
  tenantId: string,
  customerId: string,
  address: string,
): Promise<boolean> => {
  if (!deps.confirmations) return false;
  const [tenant, customer] = await Promise.all([
    deps.tenants.getTenant(tenantId),
    deps.customers.get(tenantId, customerId),
  ]);
  if (!tenant || !customer) return false;
  const rendered = renderOptOutConfirmation(templateLocale(readerLocale(customer, tenant)), creditorOf(tenant));
  try {
    await deps.confirmations.email.send({
      to: address,
      ...senderOf(tenant, deps.confirmations.defaultEmailFrom),
      ...rendered,
      context: { tenantId, customerId, delinquencyId: null, stepId: 'opt-out-confirmation' },
    });
    metricsOf(deps).add('MessagesSent', 1, 'email');
    return true;
  } catch (error) {
    logger.warn('opt-out confirmation not sent', { tenantId, customerId, error: (error as Error).name });
    return false;
  }
};
