// The running total of dispute credits per customer: the approval limit applies to credits added up, not to one decision.
import type { DisputeCredits } from '../schemas/dispute-credits.schema';

export interface DisputeCreditLedger {
  /** The customer's accepted credits as last written (version 0, nothing accepted, when there is none yet). */
  read(tenantId: string, customerId: string): Promise<DisputeCredits>;
  /** Writes the credits over the version that was read; false when another decision wrote first (read again). */
  write(tenantId: string, credits: DisputeCredits, expectedVersion: number): Promise<boolean>;
}
