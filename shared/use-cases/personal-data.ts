// GDPR for a tenant's customers: export everything held about one, or erase their personal data while the books stay.
import { retainUntil } from '../domain/erasure';
import { IntegrationError, NotFoundError } from '../errors/errors';
import { logger } from '../observability/logger';
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer-repository.port';
import type { PersonalDataStore } from '../ports/personal-data.port';
import { WEBHOOK_SECRET_PREFIX, type WebhookSecrets } from '../ports/webhook-secrets.port';
import type { ApiKeyGrant } from '../ports/tenant-directory.port';
import type { CustomerExport, Erasure } from '../schemas/personal-data.schema';
import { actorOf } from './api-keys';
import { requireManager } from './collectors';
import { retryOnConflict } from './retry-on-conflict';

type Deps = {
  clock: Clock;
  customers: CustomerRepository;
  personalData: PersonalDataStore;
  webhookSecrets: WebhookSecrets;
};

/** The tenant's erasure key, from its provider secret; without one, no opt-out could be kept safely, so nothing is erased. */
const erasureKeyOf = (deps: Deps, tenantId: string) => async (): Promise<string> => {
  const key = await deps.webhookSecrets.secretFor(tenantId, 'erasureKey');
  if (key) return key;
  // For the operator: which secret lacks which field (no personal data, no key).
  logger.error(
    'the tenant has no erasure key: store "erasureKey" in its provider secret to erase customers with opt-outs',
    { tenantId, secretId: `${WEBHOOK_SECRET_PREFIX}${tenantId}` },
  );
  throw new IntegrationError('the tenant has no erasure key');
};

export const exportCustomer = async (deps: Deps, grant: ApiKeyGrant, customerId: string): Promise<CustomerExport> => {
  const found = await deps.personalData.export(grant.tenantId, customerId, deps.clock.now().toISOString());
  if (!found) throw new NotFoundError(`no customer ${customerId}`);
  return found;
};

const ERASED_FIELDS = [
  'customer name, email, phone and region',
  "opt-out addresses (replaced by a hash keyed with the tenant's erasure key, kept outside the data, so the opt-outs are still honoured)",
  'unsubscribe links',
  "the search index's entries for the customer (name words, and digests of the e-mail address and phone number)",
  'answers about the customer kept for Idempotency-Key replays (a replay runs the request again: a customer write then answers 409 customer-erased)',
  'dispute reasons and notes, also where the timeline quotes them',
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
export const eraseCustomer = async (
  deps: Deps,
  grant: ApiKeyGrant,
  customerId: string,
): Promise<{ erasure: Erasure; created: boolean }> => {
  requireManager(grant, "erasing a customer's personal data");
  return retryOnConflict('the customer', async () => {
    const customer = await deps.customers.get(grant.tenantId, customerId);
    if (!customer) throw new NotFoundError(`no customer ${customerId}`);
    if (customer.erasedAt) {
      const recorded = await deps.personalData.erasure(grant.tenantId, customerId);
      if (recorded) return { erasure: recorded, created: false };
    }
    const now = deps.clock.now();
    const erasure: Erasure = {
      customerId,
      erasedAt: now.toISOString(),
      erasedBy: actorOf(grant),
      erased: ERASED_FIELDS,
      kept: KEPT_FIELDS,
      retainUntil: retainUntil(now),
    };
    if (!(await deps.personalData.erase(grant.tenantId, customer, erasure, erasureKeyOf(deps, grant.tenantId))))
      return undefined;
    return { erasure, created: true };
  });
};
