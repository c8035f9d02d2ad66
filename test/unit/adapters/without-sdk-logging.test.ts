// The SDK clients that carry the most calls run without the SDK's logging step, and keep every other step.
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { createDocumentClient } from '../../../shared/adapters/dynamodb/client';
import { withoutSdkLogging } from '../../../shared/adapters/aws/without-sdk-logging';

const steps = (client: { middlewareStack: { identify(): string[] } }) =>
  client.middlewareStack.identify().map((entry) => entry.split(' ')[0]);

describe('withoutSdkLogging', () => {
  it('removes the logging step and nothing else', () => {
    const before = steps(new DynamoDBStreamsClient({ region: 'eu-west-1' }));
    const after = steps(withoutSdkLogging(new DynamoDBStreamsClient({ region: 'eu-west-1' })));
    expect(before).toContain('loggerMiddleware');
    expect(after).toEqual(before.filter((step) => step !== 'loggerMiddleware'));
  });

  it('is how the DynamoDB document client is made', () => {
    const client = createDocumentClient({ region: 'eu-west-1' });
    expect(steps(client)).not.toContain('loggerMiddleware');
    expect(steps(client)).toContain('retryMiddleware');
  });
});
