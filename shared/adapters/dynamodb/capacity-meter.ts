// Counts the DynamoDB capacity a client consumes (read and write units per operation), for benchmarks and the demo.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

interface ConsumedCapacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

export interface CapacityTotals {
  readUnits: number;
  writeUnits: number;
  /** Calls by command name, e.g. { QueryCommand: 12, PutCommand: 4 }. */
  calls: Record<string, number>;
}

/** Where units went: per command and item kind (the sort key's leading word), split into the base table and indexes. */
export interface CapacityLine {
  calls: number;
  units: number;
  table: number;
  indexes: Record<string, number>;
}

/** Operations that can report what they consumed (DescribeTable and friends cannot). */
const METERED = /^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite)(Item)?(s)?Command$/;

export interface CapacityMeter {
  totals(): CapacityTotals;
  /** Units by `{command} {item kinds}`, for finding where a figure comes from. */
  breakdown(): Record<string, CapacityLine>;
  reset(): void;
}

type Key = { pk?: unknown; sk?: unknown };

/** The kind of item a key addresses, read from its shape (report partitions say it in pk, the rest in sk). */
export const itemKind = (key: Key | undefined): string => {
  const pk = typeof key?.pk === 'string' ? key.pk : '';
  const sk = typeof key?.sk === 'string' ? key.sk : '';
  if (pk.includes('#REPORTSNAP#')) return 'REPORTSNAP';
  if (pk.includes('#REPORT#')) return 'REPORTCELL';
  if (pk.endsWith('#REPORTDAYS')) return 'REPORTDAY';
  const words = sk.split('#');
  return words[0] === 'CLAIM' ? `CLAIM#${words[1] ?? ''}` : (words[0] ?? '?');
};

const kindsOf = (input: Record<string, unknown>): string => {
  const one = (request: Record<string, unknown> | undefined): string =>
    itemKind((request?.Key ?? request?.Item) as Key | undefined);
  if (Array.isArray(input.TransactItems)) {
    return (input.TransactItems as Record<string, Record<string, unknown>>[])
      .map((entry) => {
        const [verb, request] = Object.entries(entry)[0] ?? ['?', undefined];
        return `${verb}:${one(request)}`;
      })
      .join('+');
  }
  if (input.RequestItems && typeof input.RequestItems === 'object') {
    const requests = Object.values(input.RequestItems as Record<string, unknown>).flatMap((value) =>
      Array.isArray(value)
        ? (value as Record<string, Record<string, unknown>>[]).map((entry) =>
            one(entry.PutRequest ?? entry.DeleteRequest),
          )
        : ((value as { Keys?: Key[] }).Keys ?? []).map((key) => itemKind(key)),
    );
    return [...new Set(requests)].join('+');
  }
  if (typeof input.IndexName === 'string') return `index ${input.IndexName}`;
  const values = input.ExpressionAttributeValues as Record<string, unknown> | undefined;
  if (input.KeyConditionExpression && values) {
    const pk = Object.values(values).find((value) => typeof value === 'string' && value.startsWith('TENANT#'));
    const prefix = values[':prefix'];
    return `query ${itemKind({ pk, sk: typeof prefix === 'string' ? prefix : (String(pk).split('#')[2] ?? '') })}`;
  }
  return one(input);
};

/**
 * Asks every data call for its consumed capacity (ReturnConsumedCapacity INDEXES) and adds it up. Refused conditional
 * writes are counted as calls but report no capacity through the SDK, so write units are a lower bound under races.
 */
export const meterCapacity = (client: DynamoDBDocumentClient): CapacityMeter => {
  let totals: CapacityTotals = { readUnits: 0, writeUnits: 0, calls: {} };
  let lines: Record<string, CapacityLine> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as Record<string, unknown>;
      const metered = METERED.test(command);
      if (metered) input.ReturnConsumedCapacity = 'INDEXES';
      totals.calls[command] = (totals.calls[command] ?? 0) + 1;
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      const line = metered
        ? (lines[`${command.replace(/Command$/, '')} ${kindsOf(input)}`] ??= {
            calls: 0,
            units: 0,
            table: 0,
            indexes: {},
          })
        : undefined;
      if (line) line.calls += 1;
      for (const item of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        const isWrite = /Put|Update|Delete|BatchWrite|TransactWrite/.test(command);
        const units = item.CapacityUnits ?? 0;
        totals.readUnits += item.ReadCapacityUnits ?? (isWrite ? 0 : units);
        totals.writeUnits += item.WriteCapacityUnits ?? (isWrite ? units : 0);
        if (!line) continue;
        line.units += units;
        line.table += item.Table?.CapacityUnits ?? 0;
        for (const [name, index] of Object.entries(item.GlobalSecondaryIndexes ?? {}))
          line.indexes[name] = (line.indexes[name] ?? 0) + (index.CapacityUnits ?? 0);
      }
      return result;
    },
    { step: 'initialize', name: 'arrearsCapacityMeter' },
  );
  return {
    totals: () => ({ ...totals, calls: { ...totals.calls } }),
    breakdown: () => structuredClone(lines),
    reset: () => {
      totals = { readUnits: 0, writeUnits: 0, calls: {} };
      lines = {};
    },
  };
};
