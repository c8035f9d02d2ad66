// GDPR for a tenant's customers: export everything held about one, or erase their personal data while the books stay.
import { retainUntil } from '../domain/erasure';
import { NotFoundError } from '../errors/errors';
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer-repository.port';
import type { PersonalDataStore } from '../ports/personal-data.port';
import type { ApiKeyGrant } from '../ports/tenant-directory.port';
import type { CustomerExport, Erasure } from '../schemas/personal-data.schema';
import { actorOf } from './api-keys';
import { requireManager } from './collectors';
import { retryOnConflict } from './retry-on-conflict';

type Deps = { clock: Clock; customers: CustomerRepository; personalData: PersonalDataStore };

export const exportCustomer = async (deps: Deps, grant: ApiKeyGrant, customerId: string): Promise<CustomerExport> => {
  const found = await deps.personalData.export(grant.tenantId, customerId, deps.clock.now().toISOString());
  if (!found) throw new NotFoundError(`no customer ${customerId}`);
  return found;
};

const ERASED_FIELDS = [
  'customer name, email, phone and region',
  'opt-out addresses (replaced by a one-way hash, so the opt-outs are still honoured)',
  'unsubscribe links',
  'answers about the customer kept for Idempotency-Key replays (a replay runs the request again: a customer write then answers 409 customer-erased)',
  'dispute reasons and notes',
  'letter texts',
  "the customer's name, email, phone and addresses where they stood as words in free texts (invoice descriptions, timeline details, send records, events waiting for a replay)",
];
const KEPT_FIELDS = [
  'invoices, payments, refunds, fees and interest, with the customer id: bookkeeping law requires them',
  'the collection history (timeline, promises, plans, contacts) without personal data: it explains the financial records',
  'customer kind, time zone, locale, country and segment: not personal on their own, and the engine needs them',
  'every id, key, status, amount, date and payment reference: only the attributes that hold personal data are erased',
];

/** A manager's decision; a second request answers the decision already recorded. */
export const eraseCustomer = async (deps: Deps, grant: ApiKeyGrant, customerId: string): Promise<{ erasure: Erasure; created: boolean }> => {
  requireManager(grant, "erasing a customer's personal data");
  return retryOnConflict('the customer', async () => {
    const customer = await deps.customers.get(grant.tenantId, customerId);
    if (!customer) throw new NotFoundError(`no customer ${customerId}`);
    if (customer.erasedAt) {
      const recorded = await deps.personalData.erasure(grant.tenantId, customerId);
      if (recorded) return { erasure: recorded, created: false };
    }
    const now = deps.clock.now();
    const erasure: Erasure = { customerId, erasedAt: now.toISOString(), erasedBy: actorOf(grant), erased: ERASED_FIELDS, kept: KEPT_FIELDS, retainUntil: retainUntil(now) };
    if (!(await deps.personalData.erase(grant.tenantId, customer, erasure))) return undefined;
    return { erasure, created: true };
  });
};
