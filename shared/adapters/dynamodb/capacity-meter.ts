// Counts the DynamoDB capacity a client consumes (read and write units per operation), for benchmarks and the demo.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

interface ConsumedCapacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
}

export interface CapacityTotals {
  readUnits: number;
  writeUnits: number;
  /** Calls by command name, e.g. { QueryCommand: 12, PutCommand: 4 }. */
  calls: Record<string, number>;
}

/** Operations that can report what they consumed (DescribeTable and friends cannot). */
const METERED = /^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite)(Item)?(s)?Command$/;

export interface CapacityMeter {
  totals(): CapacityTotals;
  reset(): void;
}

/**
 * Asks every data call for its consumed capacity (ReturnConsumedCapacity TOTAL) and adds it up. Refused conditional
 * writes are counted as calls but report no capacity through the SDK, so write units are a lower bound under races.
 */
export const meterCapacity = (client: DynamoDBDocumentClient): CapacityMeter => {
  let totals: CapacityTotals = { readUnits: 0, writeUnits: 0, calls: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as Record<string, unknown>;
      if (METERED.test(command)) input.ReturnConsumedCapacity = 'TOTAL';
      totals.calls[command] = (totals.calls[command] ?? 0) + 1;
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      for (const item of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        const isWrite = /Put|Update|Delete|BatchWrite|TransactWrite/.test(command);
        const units = item.CapacityUnits ?? 0;
        totals.readUnits += item.ReadCapacityUnits ?? (isWrite ? 0 : units);
        totals.writeUnits += item.WriteCapacityUnits ?? (isWrite ? units : 0);
      }
      return result;
    },
    { step: 'initialize', name: 'arrearsCapacityMeter' },
  );
  return {
    totals: () => ({ ...totals, calls: { ...totals.calls } }),
    reset: () => {
      totals = { readUnits: 0, writeUnits: 0, calls: {} };
    },
  };
};
