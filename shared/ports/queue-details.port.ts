// What a queue page shows beside each delinquency: its customer's name and zone, its invoice's due date.
export interface QueueCustomer {
  /** Personal data: shown to the people working the queue, never logged. */
  name: string;
  timeZone: string;
}

export interface QueueDetails {
  /** The customers and invoices named, read together; one that is gone is simply absent from the answer. */
  read(
    tenantId: string,
    customerIds: readonly string[],
    invoiceIds: readonly string[],
  ): Promise<{ customers: Map<string, QueueCustomer>; invoices: Map<string, { dueDate: string }> }>;
}
