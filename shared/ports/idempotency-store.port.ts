// Remembers writes by their Idempotency-Key so a replay returns the first answer and a concurrent duplicate runs once.

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type ClaimResult =
  | { outcome: 'claimed' }
  | { outcome: 'completed'; fingerprint: string; response: StoredResponse }
  | { outcome: 'in_progress'; fingerprint: string };

export interface IdempotencyClaim {
  tenantId: string;
  keyHash: string;
  /** Hash of method, path and body: the same key with a different request is a mistake, not a replay. */
  fingerprint: string;
  now: Date;
  /** How long a claim blocks duplicates if its request dies without finishing. */
  inProgressSeconds: number;
  /** How long a finished answer is replayed. */
  retentionSeconds: number;
}

export interface IdempotencyStore {
  claim(claim: IdempotencyClaim): Promise<ClaimResult>;
  /** Stores the answer; one about a customer is filed with that customer, so it is exported and erased with them. */
  complete(claim: IdempotencyClaim, response: StoredResponse, customerId?: string): Promise<void>;
  release(tenantId: string, keyHash: string): Promise<void>;
}
