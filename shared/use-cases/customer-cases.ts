// A customer's case: every debt of theirs, newest first, so a person can go from the customer to each delinquency.
import { NotFoundError } from '../errors/errors';
import type { DelinquencyListings } from '../ports/delinquency-repository.port';
import type { CustomerCases } from '../schemas/customer-cases.schema';
import type { CoreDeps } from './ports';

export const listCustomerCases = async (
  deps: Pick<CoreDeps, 'customers'> & { delinquencies: Pick<DelinquencyListings, 'listByCustomer'> },
  tenantId: string,
  customerId: string,
): Promise<CustomerCases> => {
  const customer = await deps.customers.get(tenantId, customerId);
  if (!customer) throw new NotFoundError(`no customer ${customerId}`);
  const delinquencies = await deps.delinquencies.listByCustomer(tenantId, customerId);
  return {
    items: [...delinquencies]
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || b.id.localeCompare(a.id))
      .map((delinquency) => ({
        id: delinquency.id,
        invoiceId: delinquency.invoiceId,
        status: delinquency.status,
        currency: delinquency.currency,
        stage: delinquency.stage,
        balance: delinquency.balance,
        band: delinquency.score?.band ?? null,
        assigneeId: delinquency.assigneeId,
        openedAt: delinquency.openedAt,
        closedAt: delinquency.closedAt,
      })),
  };
};
