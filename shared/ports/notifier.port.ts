// Sending email and SMS: the engine hands over rendered words and ids; adapters talk to SES, SNS or the local outbox.

export interface MessageContext {
  tenantId: string;
  customerId: string;
  delinquencyId: string | null;
  stepId: string;
}

export interface OutgoingEmail {
  to: string;
  from: string;
  /** Where the customer's answer goes (the tenant's reply-to), when it is not `from`. */
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Reminders carry one (body link and List-Unsubscribe header); an opt-out confirmation does not. */
  unsubscribeUrl?: string;
  context: MessageContext;
}

export interface OutgoingSms {
  to: string;
  body: string;
  context: MessageContext;
}

/** A provider that answered "no" (refused, throttled, invalid) throws; anything it accepted returns its id. */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export interface SmsSender {
  send(sms: OutgoingSms): Promise<{ messageId: string }>;
}
