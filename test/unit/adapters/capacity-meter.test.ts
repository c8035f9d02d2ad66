// A refused conditional write is billed though DynamoDB reports no capacity with it: the meter sizes it from the item.
import { itemSize, refusedWriteUnits } from '../../../shared/adapters/dynamodb/capacity-meter';

const refused = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('The conditional request failed'), { name, ...extra });

describe('the capacity meter', () => {
  it('sizes an item the same whether it comes plain or as AttributeValues', () => {
    const plain = { pk: 'T#t1#D#d1', balance: 12_500, tags: ['a', 'b'], open: true, nested: { at: '2027-01-10' } };
    const marshalled = {
      pk: { S: 'T#t1#D#d1' },
      balance: { N: '12500' },
      tags: { L: [{ S: 'a' }, { S: 'b' }] },
      open: { BOOL: true },
      nested: { M: { at: { S: '2027-01-10' } } },
    };
    expect(itemSize(marshalled)).toBe(itemSize(plain));
    expect(itemSize({ token: 'x'.repeat(2000) })).toBe(2005);
  });

  it('bills a refused update as a write of the item it found', () => {
    const found = { pk: { S: 'T#t1#D#d1' }, token: { S: 'x'.repeat(1500) } };
    expect(refusedWriteUnits('UpdateCommand', {}, refused('ConditionalCheckFailedException', { Item: found }))).toBe(2);
    // No item found: one unit.
    expect(refusedWriteUnits('DeleteCommand', {}, refused('ConditionalCheckFailedException'))).toBe(1);
  });

  it('bills a refused put as the larger of the item found and the item written', () => {
    const input = { Item: { pk: 'p', body: 'y'.repeat(3000) } };
    expect(refusedWriteUnits('PutCommand', input, refused('ConditionalCheckFailedException'))).toBe(3);
  });

  it('bills a cancelled transaction as a transactional write of each action', () => {
    const input = {
      TransactItems: [
        { Put: { Item: { pk: 'a', body: 'z'.repeat(1100) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Update: { Key: { pk: 'b' }, UpdateExpression: 'SET n = :n' } },
      ],
    };
    const error = refused('TransactionCanceledException', {
      CancellationReasons: [{ Code: 'ConditionalCheckFailed', Item: { pk: { S: 'a' } } }, { Code: 'None' }],
    });
    expect(refusedWriteUnits('TransactWriteCommand', input, error)).toBe(2 * 2 + 2 * 1);
  });

  it('leaves other failures unbilled', () => {
    expect(refusedWriteUnits('UpdateCommand', {}, refused('ValidationException'))).toBe(0);
    expect(refusedWriteUnits('GetCommand', {}, refused('ConditionalCheckFailedException'))).toBe(0);
  });
});
