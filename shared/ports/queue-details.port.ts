// What a queue page shows beside each delinquency: its customer's name and zone, its invoice's due date and whether
// money has settled it since the engine last ranked it.
export interface QueueCustomer {
  /** Personal data: shown to the people working the queue, never logged. */
  name: string;
  timeZone: string;
}

export interface QueueInvoice {
  dueDate: string;
  /** Nothing is owed on it any more (paid in full before interest, voided or written off). */
  settled: boolean;
  /** Its last change (a payment moves it). */
  updatedAt: string;
}

export interface QueueDetails {
  /** The customers and invoices named, read together; one that is gone is simply absent from the answer. */
  read(
    tenantId: string,
    customerIds: readonly string[],
    invoiceIds: readonly string[],
  ): Promise<{ customers: Map<string, QueueCustomer>; invoices: Map<string, QueueInvoice> }>;
}
