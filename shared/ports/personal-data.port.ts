// Everything stored about one customer, read or erased at once: the storage side of GDPR access and erasure.
import type { Customer } from '../schemas/customer.schema';
import type { CustomerExport, Erasure } from '../schemas/personal-data.schema';

export interface PersonalDataStore {
  /** Every item about the customer grouped by kind (null when the customer is unknown). */
  export(tenantId: string, customerId: string, exportedAt: string): Promise<CustomerExport | null>;
  /**
   * Erases the customer's personal data everywhere it is stored and records the decision; the customer item is
   * written last, so an interrupted erasure is finished by asking again. False when the customer moved meanwhile.
   * `erasureKey` is read, before anything is written, only when an opt-out address is to be hashed.
   */
  erase(tenantId: string, customer: Customer, erasure: Erasure, erasureKey: () => Promise<string>): Promise<boolean>;
  erasure(tenantId: string, customerId: string): Promise<Erasure | null>;
}
