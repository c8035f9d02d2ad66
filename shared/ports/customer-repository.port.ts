// Storage of customers and their opt-outs, as the use cases need it.
import type { Customer, OptOut } from '../schemas/customer.schema';

export interface CustomerRepository {
  get(tenantId: string, customerId: string): Promise<Customer | null>;
  getWithOptOuts(tenantId: string, customerId: string): Promise<{ customer: Customer; optOuts: OptOut[] } | null>;
  /**
   * Writes the customer if the stored version is still `expectedVersion` (null: must not exist yet); false if it moved.
   * Its search terms move with it in the same write; `previous` is the version read (read again when not given).
   */
  save(
    tenantId: string,
    customer: Customer,
    expectedVersion: number | null,
    previous?: Customer | null,
  ): Promise<boolean>;
  /** Stores an opt-out unless the same channel and address is already opted out; returns the stored one. */
  addOptOut(tenantId: string, customerId: string, optOut: OptOut): Promise<{ optOut: OptOut; created: boolean }>;
}
