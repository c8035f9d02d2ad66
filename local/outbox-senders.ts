// Local senders: email goes through the SES-compatible server for real and is recorded; SMS is recorded (no emulator
// records SMS). The outbox keeps the virtual time and the ids the contract asks for.
import type { EmailSender, OutgoingEmail, OutgoingSms, SmsSender } from '../shared/ports/notifier.port';
import type { Clock } from '../shared/ports/clock.port';
import type { Outbox } from './outbox';

export class RecordingEmailSender implements EmailSender {
  constructor(
    private readonly inner: EmailSender,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.inner.send(email);
    this.outbox.record({
      id: result.messageId,
      channel: 'email',
      to: email.to,
      from: email.from,
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      subject: email.subject,
      body: email.text,
      html: email.html,
      sentAt: this.clock.now().toISOString(),
      tenantId: email.context.tenantId,
      customerId: email.context.customerId,
      delinquencyId: email.context.delinquencyId,
      step: email.context.stepId,
    });
    return result;
  }
}

export class OutboxSmsSender implements SmsSender {
  private seq = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async send(sms: OutgoingSms): Promise<{ messageId: string }> {
    this.seq += 1;
    const messageId = `local-sms-${String(this.seq).padStart(6, '0')}`;
    this.outbox.record({
      id: messageId,
      channel: 'sms',
      to: sms.to,
      body: sms.body,
      sentAt: this.clock.now().toISOString(),
      tenantId: sms.context.tenantId,
      customerId: sms.context.customerId,
      delinquencyId: sms.context.delinquencyId,
      step: sms.context.stepId,
    });
    return { messageId };
  }
}
