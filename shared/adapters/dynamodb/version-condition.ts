// The optimistic-concurrency guard shared by every versioned item: write only over the version that was read.

export const versionCondition = (expectedVersion: number | null) =>
  expectedVersion === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#version = :expectedVersion',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expectedVersion': expectedVersion },
      };
