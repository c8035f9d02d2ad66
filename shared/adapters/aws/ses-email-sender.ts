// SES adapter: sends a reminder as a raw MIME message (for the List-Unsubscribe headers) through the tenant's
// configuration set, tagged with ids (never names) for event routing.
import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { EmailSender, OutgoingEmail } from '../../ports/notifier.port';
import { buildMimeMessage } from './mime-message';

/** SES tag values allow letters, digits, _ - . @ only. */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

export class SesEmailSender implements EmailSender {
  constructor(
    private readonly client: SESClient,
    private readonly configurationSetName: string | undefined,
    /** The Date header; the local runtime passes its virtual clock. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendRawEmailCommand({
        Source: email.from,
        Destinations: [email.to],
        RawMessage: { Data: Buffer.from(buildMimeMessage({ ...email, date: this.now() }), 'utf8') },
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
        Tags: [
          { Name: 'tenant', Value: tagValue(email.context.tenantId) },
          { Name: 'customer', Value: tagValue(email.context.customerId) },
          { Name: 'step', Value: tagValue(email.context.stepId) },
          ...(email.context.delinquencyId
            ? [{ Name: 'delinquency', Value: tagValue(email.context.delinquencyId) }]
            : []),
        ],
      }),
    );
    if (!result.MessageId) throw new Error('SES accepted the email but returned no message id');
    return { messageId: result.MessageId };
  }
}
