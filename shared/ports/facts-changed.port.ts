// Tells a delinquency's execution that a fact changed (a payment, a promise, a dispute), so it re-derives at once.

export interface FactsChanged {
  /** Marks the delinquency's facts as changed and wakes its waiting execution, if any. Never throws for a missed wake. */
  notify(tenantId: string, delinquencyId: string): Promise<void>;
}
