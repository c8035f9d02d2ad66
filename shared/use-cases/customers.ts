// Partner use cases on customers: create or replace, read back with opt-outs, record an opt-out.
import { ConflictError, NotFoundError, ValidationError } from '../errors/errors';
import { newId } from '../domain/ids';
import type { Customer, OptOut, PostOptOutBody, PutCustomerBody } from '../schemas/customer.schema';
import type { CoreDeps } from './ports';
import { retryOnConflict } from './retry-on-conflict';

export interface CustomerView extends Customer {
  optOuts: OptOut[];
}

export const putCustomer = (
  deps: Pick<CoreDeps, 'clock' | 'customers'>,
  tenantId: string,
  customerId: string,
  body: PutCustomerBody,
  /** Who writes it ("api:<keyId>"), kept on the customer for the audit trail. */
  actor?: string,
): Promise<{ customer: CustomerView; created: boolean }> =>
  retryOnConflict('the customer', async () => {
    const existing = await deps.customers.getWithOptOuts(tenantId, customerId);
    // Erasure is final: a partner's nightly sync must not bring the person back under the same id.
    if (existing?.customer.erasedAt)
      throw new ConflictError(
        `customer ${customerId} was erased on request; use a new id for a new customer`,
        'customer-erased',
      );
    const now = deps.clock.now().toISOString();
    const customer: Customer = {
      ...body,
      id: customerId,
      createdAt: existing?.customer.createdAt ?? now,
      updatedAt: now,
      ...(actor ? { updatedBy: actor } : {}),
      version: (existing?.customer.version ?? 0) + 1,
    };
    const saved = await deps.customers.save(
      tenantId,
      customer,
      existing?.customer.version ?? null,
      existing?.customer ?? null,
    );
    if (!saved) return undefined;
    return { customer: { ...customer, optOuts: existing?.optOuts ?? [] }, created: !existing };
  });

export const getCustomer = async (
  deps: Pick<CoreDeps, 'customers'>,
  tenantId: string,
  customerId: string,
): Promise<CustomerView> => {
  const found = await deps.customers.getWithOptOuts(tenantId, customerId);
  if (!found) throw new NotFoundError(`no customer ${customerId}`);
  return { ...found.customer, optOuts: found.optOuts };
};

const defaultAddress = (customer: Customer, channel: OptOut['channel']): string | undefined =>
  channel === 'email' ? customer.email : customer.phone;

const addressFits = (channel: OptOut['channel'], address: string): boolean =>
  channel === 'email' ? address.includes('@') : address.startsWith('+');

export const addOptOut = async (
  deps: Pick<CoreDeps, 'clock' | 'customers'>,
  tenantId: string,
  customerId: string,
  body: PostOptOutBody,
): Promise<{ optOut: OptOut; created: boolean }> => {
  const customer = await deps.customers.get(tenantId, customerId);
  if (!customer) throw new NotFoundError(`no customer ${customerId}`);
  const address = body.address ?? defaultAddress(customer, body.channel);
  if (!address) {
    throw new ValidationError('no address to opt out', [
      {
        path: 'address',
        message: `is required: the customer has no ${body.channel === 'email' ? 'email' : 'phone'} on file`,
      },
    ]);
  }
  if (!addressFits(body.channel, address)) {
    throw new ValidationError('address does not fit the channel', [
      { path: 'address', message: body.channel === 'email' ? 'must be an email address' : 'must be a phone number' },
    ]);
  }
  const now = deps.clock.now();
  return deps.customers.addOptOut(tenantId, customerId, {
    id: newId('opt', now),
    channel: body.channel,
    address: body.channel === 'email' ? address.toLowerCase() : address,
    reason: 'requested',
    createdAt: now.toISOString(),
  });
};
