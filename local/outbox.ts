// Every email and SMS the local runtime sent, oldest first, for GET /local/outbox.

export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  /** An email's sender and where answers go (the tenant's reply-to, when it has one). */
  from?: string;
  replyTo?: string;
  subject?: string;
  body: string;
  /** The HTML part of an email (not part of the listing contract, kept for looking at). */
  html?: string;
  sentAt: string;
  tenantId: string;
  customerId: string;
  delinquencyId: string | null;
  step: string;
}

export class Outbox {
  private readonly messages: OutboxMessage[] = [];

  record(message: OutboxMessage): void {
    this.messages.push(message);
  }

  list(): OutboxMessage[] {
    return [...this.messages];
  }
}
