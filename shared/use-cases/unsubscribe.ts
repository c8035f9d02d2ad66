// The unsubscribe link of every email: it opts that address out at once, with no login and no other question asked.
import { newId } from '../domain/ids';
import { NotFoundError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer-repository.port';
import type { UnsubscribeTokens } from '../ports/unsubscribe-tokens.port';

export interface UnsubscribeDeps {
  clock: Clock;
  customers: CustomerRepository;
  unsubscribeTokens: UnsubscribeTokens;
}

export const unsubscribe = async (deps: UnsubscribeDeps, token: string): Promise<{ channel: string; address: string; created: boolean }> => {
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
  return { channel: optOut.channel, address: optOut.address, created };
};
