// SNS adapter: sends a reminder text as a transactional SMS.
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { OutgoingSms, SmsSender } from '../../ports/notifier.port';

export class SnsSmsSender implements SmsSender {
  constructor(private readonly client: SNSClient) {}

  async send(sms: OutgoingSms): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new PublishCommand({
        PhoneNumber: sms.to,
        Message: sms.body,
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    );
    if (!result.MessageId) throw new Error('SNS accepted the SMS but returned no message id');
    return { messageId: result.MessageId };
  }
}
