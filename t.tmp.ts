import { createDocumentClient } from './shared/adapters/dynamodb/client';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
(async () => {
  const c = createDocumentClient({ endpoint: 'http://127.0.0.1:1', region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  c.middlewareStack.add(((next: any, ctx: any) => async (args: any) => { console.log(ctx.clientName, ctx.commandName, JSON.stringify(args.input).slice(0, 200)); throw new Error('stop'); }) as any, { step: 'initialize', name: 'x', priority: 'high' });
  await c.send(new GetCommand({ TableName: 't', Key: { pk: 'a' } })).catch((e) => console.log(e.message));
  await c.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 't', Item: { pk: 'a' } } }] })).catch((e) => console.log(e.message));
})();
