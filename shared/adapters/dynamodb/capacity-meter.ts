// Counts the DynamoDB capacity a client consumes (read and write units per operation), for benchmarks and the demo.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

interface ConsumedCapacity {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

export interface CapacityUse {
  readUnits: number;
  /** Every write unit DynamoDB bills, refused conditional writes included. */
  writeUnits: number;
  /** Calls by command name, e.g. { QueryCommand: 12, PutCommand: 4 }. */
  calls: Record<string, number>;
  /** Writes refused by their condition (ConditionalCheckFailed) or cancelled transactions. */
  refusedWrites: number;
  /** The share of writeUnits those refused writes cost. */
  refusedWriteUnits: number;
}

export interface CapacityTotals extends CapacityUse {
  /** The same, by the function that made the calls (when the meter was given a way to tell); '-' for none. */
  byFunction: Record<string, CapacityUse>;
}

export interface CapacityMeterOptions {
  /** Names the function running now (the local runtime runs every function in one process). */
  attribute?: () => string | undefined;
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
const SINGLE_WRITE = /^(Put|Update|Delete)(Item)?Command$/;
const KB = 1024;

/** Nothing used yet. */
export const emptyUse = (): CapacityUse => ({
  readUnits: 0,
  writeUnits: 0,
  calls: {},
  refusedWrites: 0,
  refusedWriteUnits: 0,
});

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** DynamoDB's size of one value: strings and binaries by their bytes, numbers about one byte per two digits. */
const valueSize = (value: unknown): number => {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return Math.ceil(String(value).length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, entry) => sum + valueSize(entry), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, entry) => sum + 1 + valueSize(entry), 0);
  if (typeof value === 'object') return 3 + itemSize(value as Record<string, unknown>);
  return 1;
};

/**
 * The size DynamoDB bills an item by: each attribute's name and value. Items come plain (the document client's input)
 * or as AttributeValues (an error's Item); a one-key object naming a DynamoDB type is read as the latter.
 */
export const itemSize = (item: Record<string, unknown>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(unwrap(value)), 0);

const TYPE_TAGS = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);
const unwrap = (value: unknown): unknown => {
  if (
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    value instanceof Uint8Array ||
    value instanceof Set
  )
    return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !TYPE_TAGS.has(keys[0]!)) return value;
  const inner = (value as Record<string, unknown>)[keys[0]!];
  if (keys[0] === 'N') return Number(inner);
  if (keys[0] === 'L') return (inner as unknown[]).map(unwrap);
  if (keys[0] === 'M')
    return Object.fromEntries(Object.entries(inner as Record<string, unknown>).map(([k, v]) => [k, unwrap(v)]));
  return inner;
};

/** Write units of one write of an item this size (1 KB steps, at least one), doubled inside a transaction. */
const writeUnitsFor = (bytes: number, transactional: boolean) =>
  Math.max(1, Math.ceil(bytes / KB)) * (transactional ? 2 : 1);

type WriteAction = {
  Item?: Record<string, unknown>;
  ConditionExpression?: string;
  ReturnValuesOnConditionCheckFailure?: string;
};

/** A conditional write that fails still costs a write of the item it found: ask DynamoDB for it (free) to size it. */
const askForRefusedItem = (action: WriteAction | undefined) => {
  if (action?.ConditionExpression && action.ReturnValuesOnConditionCheckFailure === undefined)
    action.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
};

type RefusedError = Error & {
  Item?: Record<string, unknown>;
  CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[];
};

/**
 * What a refused write costs: a single write is billed as a write of the existing item (the new one for a Put when
 * larger; one unit when there was none); a cancelled transaction is counted as a transactional write of each of its
 * actions, the larger of the item found and the item written (AWS does not itemize it: an upper bound).
 */
export const refusedWriteUnits = (command: string, input: Record<string, unknown>, error: RefusedError): number => {
  if (error.name === 'ConditionalCheckFailedException' && SINGLE_WRITE.test(command)) {
    const found = error.Item ? itemSize(error.Item) : 0;
    const written = command.startsWith('Put') && input.Item ? itemSize(input.Item as Record<string, unknown>) : 0;
    return writeUnitsFor(Math.max(found, written), false);
  }
  if (error.name === 'TransactionCanceledException' && /^TransactWrite/.test(command)) {
    const actions = (input.TransactItems as Record<string, WriteAction>[] | undefined) ?? [];
    return actions.reduce((sum, entry, index) => {
      const action = entry.Put ?? entry.Update ?? entry.Delete ?? entry.ConditionCheck;
      const found = error.CancellationReasons?.[index]?.Item;
      const bytes = Math.max(found ? itemSize(found) : 0, action?.Item ? itemSize(action.Item) : 0);
      return sum + writeUnitsFor(bytes, true);
    }, 0);
  }
  return 0;
};

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
 * What a transaction's writes cost on the base table: 2 units per item per KB. DynamoDB Local reports 2 units per KB of
 * the whole transaction (nine small updates: 2), so its figure is kept only when it is the larger. A Put is sized from
 * its item; an Update, Delete or ConditionCheck, whose item is not in the request, counts as one KB.
 */
const transactionTableUnits = (input: Record<string, unknown>): number =>
  ((input.TransactItems as Record<string, { Item?: Record<string, unknown> }>[] | undefined) ?? []).reduce(
    (sum, entry) => sum + writeUnitsFor(entry.Put?.Item ? itemSize(entry.Put.Item) : 0, true),
    0,
  );

/**
 * Asks every data call for its consumed capacity (ReturnConsumedCapacity INDEXES) and adds it up, by function and by
 * command and item kind. DynamoDB reports no capacity with a refused conditional write or a cancelled transaction, yet
 * bills it: those are sized from the item the refusal returns (ReturnValuesOnConditionCheckFailure ALL_OLD, asked for
 * when the caller did not) and counted.
 */
export const meterCapacity = (client: DynamoDBDocumentClient, options: CapacityMeterOptions = {}): CapacityMeter => {
  let total = emptyUse();
  let byFunction: Record<string, CapacityUse> = {};
  let lines: Record<string, CapacityLine> = {};
  const add = (command: string, change: Partial<Omit<CapacityUse, 'calls'>>, call: boolean) => {
    const name = options.attribute?.() ?? '-';
    for (const use of options.attribute ? [total, (byFunction[name] ??= emptyUse())] : [total]) {
      if (call) use.calls[command] = (use.calls[command] ?? 0) + 1;
      use.readUnits += change.readUnits ?? 0;
      use.writeUnits += change.writeUnits ?? 0;
      use.refusedWrites += change.refusedWrites ?? 0;
      use.refusedWriteUnits += change.refusedWriteUnits ?? 0;
    }
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as Record<string, unknown>;
      const metered = METERED.test(command);
      if (metered) input.ReturnConsumedCapacity = 'INDEXES';
      if (SINGLE_WRITE.test(command)) askForRefusedItem(input as WriteAction);
      if (/^TransactWrite/.test(command))
        for (const entry of (input.TransactItems as Record<string, WriteAction>[] | undefined) ?? [])
          askForRefusedItem(entry.Put ?? entry.Update ?? entry.Delete ?? entry.ConditionCheck);
      add(command, {}, true);
      const line = metered
        ? (lines[`${command.replace(/Command$/, '')} ${kindsOf(input)}`] ??= {
            calls: 0,
            units: 0,
            table: 0,
            indexes: {},
          })
        : undefined;
      if (line) line.calls += 1;
      let result: Awaited<ReturnType<typeof next>>;
      try {
        result = await next(args);
      } catch (error) {
        const units = refusedWriteUnits(command, input, error as RefusedError);
        if (units > 0) {
          add(command, { writeUnits: units, refusedWrites: 1, refusedWriteUnits: units }, false);
          if (line) line.units += units;
        }
        throw error;
      }
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      const isWrite = /Put|Update|Delete|BatchWrite|TransactWrite/.test(command);
      const reported = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
      if (/^TransactWrite/.test(command) && reported.length === 1) {
        // One table: the base table's share is what AWS would bill for these items, the indexes' as reported.
        const [item] = reported as [ConsumedCapacity];
        const table = item.Table?.CapacityUnits ?? item.CapacityUnits ?? 0;
        const billed = Math.max(table, transactionTableUnits(input));
        const extra = billed - table;
        reported[0] = {
          ...item,
          CapacityUnits: (item.CapacityUnits ?? 0) + extra,
          Table: { CapacityUnits: billed },
          ...(item.WriteCapacityUnits === undefined ? {} : { WriteCapacityUnits: item.WriteCapacityUnits + extra }),
        };
      }
      for (const item of reported) {
        const units = item.CapacityUnits ?? 0;
        add(
          command,
          {
            readUnits: item.ReadCapacityUnits ?? (isWrite ? 0 : units),
            writeUnits: item.WriteCapacityUnits ?? (isWrite ? units : 0),
          },
          false,
        );
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
  const copy = (use: CapacityUse): CapacityUse => ({ ...use, calls: { ...use.calls } });
  return {
    totals: () => ({
      ...copy(total),
      byFunction: Object.fromEntries(Object.entries(byFunction).map(([name, use]) => [name, copy(use)])),
    }),
    breakdown: () => structuredClone(lines),
    reset: () => {
      total = emptyUse();
      byFunction = {};
      lines = {};
    },
  };
};
