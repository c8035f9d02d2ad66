// The sender and reply-to of an email reach SES: the local SES server reads them from the raw message it is given,
// and the local outbox lists them beside the message; the server itself keeps only the newest emails.
import { SESClient } from '@aws-sdk/client-ses';
import { SesEmailSender } from '../../../shared/adapters/aws/ses-email-sender';
import { Outbox } from '../../../local/outbox';
import { RecordingEmailSender } from '../../../local/outbox-senders';
import { SES_STORE_KEPT, startSesServer, type RunningSes } from '../../../local/ses-server';
import { VirtualClock } from '../../../local/clock';

let ses: RunningSes;
let client: SESClient;
beforeAll(async () => {
  ses = await startSesServer();
  client = new SESClient({
    endpoint: ses.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => {
  client.destroy();
  await ses.stop();
});

const email = {
  to: 'kari@example.no',
  from: 'Nordlys Energi <innkreving@nordlys.example>',
  subject: 'Nordlys Energi: faktura INV-7 er forfalt',
  text: 'Hei Kari',
  html: '<p>Hei Kari</p>',
  unsubscribeUrl: 'https://arrears.example/v1/unsubscribe/u',
  context: { tenantId: 'nordlys', customerId: 'kari', delinquencyId: 'dlq-1', stepId: 'overdue' },
};

const stored = async (messageId: string) => {
  const store = (await (await fetch(`${ses.endpoint}/store`)).json()) as {
    emails: { messageId: string; from: string; replyTo: string[] }[];
  };
  return store.emails.find((item) => item.messageId === messageId);
};

describe('reply-to through SES', () => {
  it('the SES server and the outbox record the tenant’s sender and reply-to', async () => {
    const outbox = new Outbox();
    const sender = new RecordingEmailSender(
      new SesEmailSender(client, undefined),
      outbox,
      new VirtualClock(new Date('2026-12-08T09:00:00Z')),
    );
    const { messageId } = await sender.send({ ...email, replyTo: 'svar@nordlys.example' });
    expect(await stored(messageId)).toMatchObject({
      from: expect.stringContaining('innkreving@nordlys.example'),
      replyTo: [expect.stringContaining('svar@nordlys.example')],
    });
    expect(outbox.list()).toEqual([
      expect.objectContaining({ from: email.from, replyTo: 'svar@nordlys.example', subject: email.subject }),
    ]);
  });

  it('without a reply-to, answers go to the sender: no Reply-To is recorded', async () => {
    const outbox = new Outbox();
    const sender = new RecordingEmailSender(
      new SesEmailSender(client, undefined),
      outbox,
      new VirtualClock(new Date()),
    );
    const { messageId } = await sender.send(email);
    expect((await stored(messageId))?.replyTo).toEqual([]);
    expect(outbox.list()[0]).not.toHaveProperty('replyTo');
  });

  it('the SES server keeps the newest emails only: a long run does not hold every email twice', async () => {
    const sender = new SesEmailSender(client, undefined);
    const sent: string[] = [];
    for (let n = 0; n < SES_STORE_KEPT + 5; n += 1)
      sent.push((await sender.send({ ...email, subject: `n${n}` })).messageId);
    const store = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { messageId: string }[] };
    expect(store.emails).toHaveLength(SES_STORE_KEPT);
    expect(store.emails.at(-1)?.messageId).toBe(sent.at(-1));
    expect(await stored(sent[0]!)).toBeUndefined();
  });
});
