// Unguessable tokens behind the unsubscribe link of every email: one per customer address, resolvable without an API key.

export interface UnsubscribeTarget {
  tenantId: string;
  customerId: string;
  channel: 'email' | 'sms';
  address: string;
}

export interface UnsubscribeTokens {
  /** The address's token, created on first use. */
  tokenFor(target: UnsubscribeTarget): Promise<string>;
  resolve(token: string): Promise<UnsubscribeTarget | null>;
}
