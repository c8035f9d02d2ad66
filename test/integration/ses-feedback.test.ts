// SES feedback through its SNS subscriber: a permanent bounce or a complaint suppresses the address; nothing else does.
import type { SNSEvent } from 'aws-lambda';
import { createHandler } from '../../functions/events/ses-feedback.handler';
import { putCustomer } from '../../shared/use-cases/customers';
import { context } from '../fixtures/api-event';
import { createTestTable, fixedClock, type TestTable } from '../fixtures/test-table';
import { asFunction } from '../../local/iam/function-scope';

let table: TestTable;
const clock = fixedClock('2026-12-02T08:00:00Z');
beforeAll(async () => {
  table = await createTestTable();
  await putCustomer(table.deps(clock), 'acme', 'cus-1', {
    name: 'Kari',
    kind: 'consumer',
    email: 'Kari@Example.no',
    timeZone: 'Europe/Oslo',
  });
});
afterAll(() => table.destroy());

/** An SNS delivery of an SES event-publishing notification, as the configuration set sends it. */
const snsEvent = (message: Record<string, unknown>): SNSEvent => ({
  Records: [
    {
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:EmailEvents:sub',
      Sns: {
        Type: 'Notification',
        MessageId: 'sns-1',
        TopicArn: 'arn:aws:sns:eu-west-1:123456789012:EmailEvents',
        Subject: '',
        Message: JSON.stringify(message),
        Timestamp: '2026-12-02T08:00:00.000Z',
        SignatureVersion: '1',
        Signature: '',
        SigningCertUrl: '',
        UnsubscribeUrl: '',
        MessageAttributes: {},
      },
    },
  ],
});

const mail = {
  messageId: 'ses-1',
  timestamp: '2026-12-02T08:00:00.000Z',
  source: 'collections@acme.no',
  destination: ['kari@example.no'],
  tags: { tenant: ['acme'], customer: ['cus-1'], step: ['overdue'] },
};

describe('SES feedback subscriber', () => {
  const handler = () => asFunction('SesFeedback', createHandler({ clock, customers: table.deps(clock).customers }));
  const optOuts = async () => (await table.deps(clock).customers.getWithOptOuts('acme', 'cus-1'))!.optOuts;

  it('ignores deliveries and transient bounces', async () => {
    await handler()(
      snsEvent({ eventType: 'Delivery', mail, delivery: { recipients: ['kari@example.no'] } }),
      context(),
    );
    await handler()(
      snsEvent({
        eventType: 'Bounce',
        mail,
        bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'kari@example.no' }] },
      }),
      context(),
    );
    expect(await optOuts()).toEqual([]);
  });

  it('suppresses an address that bounced permanently, at once', async () => {
    const result = await handler()(
      snsEvent({
        eventType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: 'kari@example.no' }],
        },
      }),
      context(),
    );
    expect(result).toEqual({ suppressed: 1 });
    expect(await optOuts()).toEqual([
      expect.objectContaining({ channel: 'email', address: 'kari@example.no', reason: 'bounce' }),
    ]);
  });

  it('suppresses a complaining address once, however often SNS delivers it', async () => {
    const complaint = snsEvent({
      eventType: 'Complaint',
      mail: { ...mail, tags: { tenant: ['acme'], customer: ['cus-1'] } },
      complaint: { complainedRecipients: [{ emailAddress: 'other@example.no' }] },
    });
    await handler()(complaint, context());
    await handler()(complaint, context());
    expect((await optOuts()).filter((optOut) => optOut.address === 'other@example.no')).toHaveLength(1);
  });

  it('item 5: a bounce arriving after the customer was erased stores no address (the erased customer gets no email)', async () => {
    const deps = table.deps(clock);
    await putCustomer(deps, 'acme', 'cus-erased', {
      name: 'Ola',
      kind: 'consumer',
      email: 'ola@example.no',
      timeZone: 'Europe/Oslo',
    });
    const customer = (await deps.customers.get('acme', 'cus-erased'))!;
    const rest = { ...customer };
    delete rest.email;
    expect(
      await deps.customers.save(
        'acme',
        {
          ...rest,
          name: '(erased)',
          erasedAt: '2026-12-02T07:00:00.000Z',
          erasedBy: 'api:key',
          version: customer.version + 1,
        },
        customer.version,
      ),
    ).toBe(true);
    const bounce = snsEvent({
      eventType: 'Bounce',
      mail: { ...mail, tags: { tenant: ['acme'], customer: ['cus-erased'] } },
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'ola@example.no' }] },
    });
    expect(await handler()(bounce, context())).toEqual({ suppressed: 0 });
    expect((await deps.customers.getWithOptOuts('acme', 'cus-erased'))!.optOuts).toEqual([]);
  });

  it('skips a message that is not an SES notification, or not one of ours', async () => {
    expect(await handler()(snsEvent({ hello: 'world' }), context())).toEqual({ suppressed: 0 });
    expect(
      await handler()(
        snsEvent({
          eventType: 'Complaint',
          mail: { messageId: 'x', tags: {} },
          complaint: { complainedRecipients: [{ emailAddress: 'a@b.c' }] },
        }),
        context(),
      ),
    ).toEqual({ suppressed: 0 });
  });
});
