// The search index as the search use case reads it: customers by name word, e-mail or phone; invoices by case reference.
export interface CustomerHit {
  customerId: string;
  /** The name as the customer's last write gave it (display only). */
  name: string;
  /** The name's folded words (nameWords), so a query of several words is checked against all of them. */
  words: string[];
}

export interface InvoiceOwner {
  invoiceId: string;
  customerId: string;
  /** The case the invoice is in, or null while it is not in collection. */
  delinquencyId: string | null;
}

export interface SearchIndex {
  /** Customers with a name word starting with `prefix` (folded), in word order, at most `limit` entries read. */
  byNamePrefix(tenantId: string, prefix: string, limit: number): Promise<CustomerHit[]>;
  /** Customers with exactly this e-mail address (normalised) or phone number (its digits). */
  byContact(tenantId: string, kind: 'email' | 'phone', term: string, limit: number): Promise<CustomerHit[]>;
  /** The invoices whose case quotes this RF reference (normally one). */
  byReference(tenantId: string, reference: string): Promise<string[]>;
  /** Who an invoice belongs to, or null for an unknown id (or another tenant's). */
  invoiceOwner(tenantId: string, invoiceId: string): Promise<InvoiceOwner | null>;
  /** Customers' names for display, by id; an unknown id is left out. */
  customerNames(tenantId: string, customerIds: readonly string[]): Promise<Map<string, string>>;
}
