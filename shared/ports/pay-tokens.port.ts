// Unguessable tokens behind the pay link of every reminder: one per invoice, resolvable without an API key.

export interface PayTarget {
  tenantId: string;
  invoiceId: string;
  customerId: string;
}

export interface PayTokens {
  /** The invoice's token, created on first use. */
  tokenFor(target: PayTarget): Promise<string>;
  resolve(token: string): Promise<PayTarget | null>;
}
