// The facts a pass decides from, read afresh at every wake: the case, tenant, customer, invoice, strategy, balance.
import { localDate } from '../../domain/calendar';
import { invoiceBalance } from '../../domain/invoice';
import { invoiceInterest, principalMovements } from '../../domain/invoice-interest';
import { DEFAULT_STRATEGY_ID } from '../../domain/strategy';
import { DomainError } from '../../errors/errors';
import type { DelinquencyRecords } from '../../ports/delinquency-repository.port';
import type { InvoiceWithPayments } from '../../ports/invoice-repository.port';
import type { Customer, OptOut } from '../../schemas/customer.schema';
import { type Delinquency } from '../../schemas/delinquency.schema';
import type { Step, Strategy } from '../../schemas/strategy.schema';
import type { Tenant } from '../../schemas/tenant.schema';
import type { EngineDeps } from '../engine-deps';
import type { ReminderContext } from '../send-reminder';
import { listStrategies } from '../strategies';
import { type AdvanceInput } from './result';

export interface Facts {
  delinquency: Delinquency;
  tenant: Tenant;
  customer: Customer;
  optOuts: OptOut[];
  found: InvoiceWithPayments;
  strategy: Strategy;
  interest: number;
  balance: number;
  /** Charges this pass added to the invoice after reading it: the balance it saves includes them. */
  charged: number;
}

export const loadFacts = async (
  deps: Pick<EngineDeps, 'clock' | 'customers' | 'invoices' | 'strategies' | 'tenants'> & {
    delinquencies: DelinquencyRecords;
  },
  input: AdvanceInput,
): Promise<Facts> => {
  const delinquency = await deps.delinquencies.get(input.tenantId, input.delinquencyId);
  if (!delinquency) throw new DomainError(`no delinquency ${input.delinquencyId} for tenant ${input.tenantId}`);
  const [tenant, customerWith, found, strategies] = await Promise.all([
    deps.tenants.getTenant(input.tenantId),
    deps.customers.getWithOptOuts(input.tenantId, delinquency.customerId),
    deps.invoices.get(input.tenantId, delinquency.invoiceId),
    listStrategies(deps, input.tenantId),
  ]);
  if (!tenant || !customerWith || !found) throw new DomainError(`facts of delinquency ${delinquency.id} are missing`);
  const strategy =
    strategies.find((candidate) => candidate.id === delinquency.strategyId) ??
    strategies.find((candidate) => candidate.id === DEFAULT_STRATEGY_ID)!;
  const interest =
    invoiceInterest({
      invoice: found.invoice,
      payments: principalMovements(found.payments, found.refunds),
      customer: customerWith.customer,
      interest: strategy.interest,
      asOf: localDate(deps.clock.now(), customerWith.customer.timeZone),
    })?.amount ?? 0;
  return {
    delinquency,
    tenant,
    customer: customerWith.customer,
    optOuts: customerWith.optOuts,
    found,
    strategy,
    interest,
    balance: invoiceBalance(found.invoice, interest),
    charged: 0,
  };
};

/** Who and what every event about this case names. */
export const eventBase = (facts: Facts) => ({
  tenantId: facts.tenant.id,
  delinquencyId: facts.delinquency.id,
  invoiceId: facts.found.invoice.id,
  customerId: facts.customer.id,
});

/** What a message about this case is written from: the case's facts, the step, what is owed and the step's fee. */
export const messageContext = (facts: Facts, step: Step, balance: number, fee: number): ReminderContext => ({
  tenant: facts.tenant,
  customer: facts.customer,
  optOuts: facts.optOuts,
  invoice: facts.found.invoice,
  delinquencyId: facts.delinquency.id,
  step,
  balance,
  fee,
});
