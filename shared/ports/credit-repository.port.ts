// Storage of a customer's credit-control state: the partner's unbilled report and the hold.
import type { CreditState } from '../schemas/credit.schema';
import type { Customer } from '../schemas/customer.schema';

export interface CreditRepository {
  get(tenantId: string, customerId: string): Promise<CreditState | null>;
  /** The customer and its credit state in one read (a payment needs both: its interest, then whether to review). */
  getWithCustomer(
    tenantId: string,
    customerId: string,
  ): Promise<{ customer: Customer | null; state: CreditState | null }>;
  /** Writes over `expectedVersion` (null: must not exist yet); false when someone else wrote first. */
  save(tenantId: string, state: CreditState, expectedVersion: number | null): Promise<boolean>;
}
