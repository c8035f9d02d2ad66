// How report counters are stored: a cell's counters as top-level numbers (so a transaction can ADD to them), a
// snapshot's as JSON in parts, and the tenant's zone that decides which local day a fact is counted on.
import { GetCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { addDays, daysBetween, localDate } from '../../domain/calendar';
import type { Cell, Metrics, ReportFamily } from '../../domain/report-ledger';
import { itemMeta, keys, shardOf } from './keys';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Shards of a tenant's counters: concurrent writers (stream consumers, promise decisions) spread over this many items per cell. */
export const REPORT_SHARDS = 8;

/** A day's counters are kept this long after it (long after every snapshot folded them in), then expire. */
const LEDGER_KEEP_DAYS = 800;

/** Prefix of a counter's attribute name, keeping counters apart from the item's own attributes. */
const METRIC_PREFIX = 'm_';

/** The shard an invoice's counters go to: the same invoice always lands in the same one. */
export const reportShard = (invoiceId: string) => shardOf(invoiceId, REPORT_SHARDS);

const expiresAt = (day: string) => Math.floor(Date.parse(`${addDays(day, LEDGER_KEEP_DAYS)}T00:00:00Z`) / 1000);

/** Adds a cell's counters to the stored cell of that day (creating it), inside a transaction. */
export const cellUpdate = (
  tableName: string,
  tenantId: string,
  shard: number,
  day: string,
  cell: Cell,
): TransactItem => {
  const names: Record<string, string> = {
    '#type': 'type',
    '#sv': 'schemaVersion',
    '#family': 'family',
    '#day': 'day',
    '#value': 'value',
    '#currency': 'currency',
    '#expiresAt': 'expiresAt',
  };
  const meta = itemMeta('ReportCell');
  const values: Record<string, unknown> = {
    ':type': meta.type,
    ':sv': meta.schemaVersion,
    ':family': cell.family,
    ':day': day,
    ':value': cell.value,
    ':currency': cell.currency,
    ':expiresAt': expiresAt(day),
  };
  const adds = Object.entries(cell.metrics).map(([name, amount], index) => {
    names[`#m${index}`] = `${METRIC_PREFIX}${name}`;
    values[`:m${index}`] = amount;
    return `#m${index} :m${index}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: keys.reportCell(tenantId, shard, { ...cell, day }),
      UpdateExpression: `SET #type = :type, #sv = :sv, #family = :family, #day = :day, #value = :value, #currency = :currency, #expiresAt = :expiresAt ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

/**
 * A whole cell item, for a plain put: a cell of its own for one fact (a promise decision, `factId`), so writing it
 * again changes nothing; or a day's cell written at once (a bulk load).
 */
export const cellItem = (
  tenantId: string,
  shard: number,
  day: string,
  cell: Cell,
  factId?: string,
): Record<string, unknown> => ({
  ...keys.reportCell(tenantId, shard, { ...cell, day }, factId),
  ...itemMeta('ReportCell'),
  family: cell.family,
  day,
  value: cell.value,
  currency: cell.currency,
  expiresAt: expiresAt(day),
  ...Object.fromEntries(Object.entries(cell.metrics).map(([name, amount]) => [`${METRIC_PREFIX}${name}`, amount])),
});

/** A stored cell (ledger item) read back: its key and counters. */
export const cellOfItem = (item: Record<string, unknown>): Cell & { day: string } => {
  const metrics: Metrics = {};
  for (const [name, amount] of Object.entries(item)) {
    if (name.startsWith(METRIC_PREFIX) && typeof amount === 'number' && amount !== 0)
      metrics[name.slice(METRIC_PREFIX.length)] = amount;
  }
  return {
    family: item.family as ReportFamily,
    value: String(item.value),
    currency: String(item.currency),
    day: String(item.day),
    metrics,
  };
};

/**
 * A snapshot cell's counters as compact JSON: `f` the undated counters by name, `d` per kind the first date and one
 * number per day from it (0 where there is none). A year of due dates is a few kilobytes instead of thirty.
 */
export const encodeMetrics = (metrics: Metrics): string => {
  const undated: Metrics = {};
  const byKind = new Map<string, [string, number][]>();
  for (const [name, amount] of Object.entries(metrics)) {
    if (amount === 0) continue;
    if (name.length !== 12 || name[1] !== ':') {
      undated[name] = amount;
      continue;
    }
    const entries = byKind.get(name[0]!);
    if (entries) entries.push([name.slice(2), amount]);
    else byKind.set(name[0]!, [[name.slice(2), amount]]);
  }
  const dated: Record<string, [string, number[]]> = {};
  for (const [kind, entries] of byKind) {
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const first = entries[0]![0];
    const values = new Array<number>(daysBetween(first, entries.at(-1)![0]) + 1).fill(0);
    for (const [date, amount] of entries) values[daysBetween(first, date)] = amount;
    dated[kind] = [first, values];
  }
  return JSON.stringify({ f: undated, d: dated });
};

const DAY_MS = 86_400_000;
/** Date strings by day number since the epoch: decoding a snapshot names thousands of days, most of them the same. */
const dayNames = new Map<number, string>();
const dayName = (epochDay: number): string => {
  let name = dayNames.get(epochDay);
  if (name === undefined) {
    name = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(epochDay, name);
  }
  return name;
};

export const decodeMetrics = (json: string): Metrics => {
  const { f, d } = JSON.parse(json) as { f: Metrics; d: Record<string, [string, number[]]> };
  const metrics: Metrics = { ...f };
  for (const [kind, [first, values]] of Object.entries(d)) {
    const firstDay = Date.parse(`${first}T00:00:00Z`) / DAY_MS;
    values.forEach((amount, offset) => {
      if (amount !== 0) metrics[`${kind}:${dayName(firstDay + offset)}`] = amount;
    });
  }
  return metrics;
};

/** The kind of a counter: the letter of a dated one (o, n, p, s), `f` for the undated (flows). */
export const metricKind = (name: string): string => (name.length === 12 && name[1] === ':' ? name[0]! : 'f');

/** Parts a snapshot cell's JSON is cut into stay well below DynamoDB's 400 KB item limit. */
const SNAPSHOT_PART_CHARS = 300_000;

/** A snapshot cell as items: one set per kind of counter (so aging reads only open balances), each cut into parts. */
export const snapshotItems = (tenantId: string, day: string, cell: Cell): Record<string, unknown>[] => {
  const kinds = new Map<string, Metrics>();
  for (const [name, amount] of Object.entries(cell.metrics)) {
    const kind = metricKind(name);
    const metrics = kinds.get(kind) ?? {};
    kinds.set(kind, metrics);
    metrics[name] = amount;
  }
  return [...kinds].flatMap(([kind, metrics]) => {
    const json = encodeMetrics(metrics);
    const parts = Math.max(1, Math.ceil(json.length / SNAPSHOT_PART_CHARS));
    return Array.from({ length: parts }, (_, part) => ({
      ...keys.reportSnapshot(tenantId, day, cell, kind, part),
      ...itemMeta('ReportSnapshot'),
      day,
      family: cell.family,
      value: cell.value,
      currency: cell.currency,
      kind,
      part,
      parts,
      metrics: json.slice(part * SNAPSHOT_PART_CHARS, (part + 1) * SNAPSHOT_PART_CHARS),
    }));
  });
};

/** Snapshot items (all parts of the kinds read, in any order) back to cells. */
export const cellsOfSnapshotItems = (items: readonly Record<string, unknown>[]): Cell[] => {
  const grouped = new Map<string, Record<string, unknown>[]>();
  for (const item of items) {
    const id = String(item.sk).replace(/#\d+$/, '');
    const parts = grouped.get(id);
    if (parts) parts.push(item);
    else grouped.set(id, [item]);
  }
  const cells = new Map<string, Cell>();
  for (const parts of grouped.values()) {
    const sorted = [...parts].sort((a, b) => Number(a.part) - Number(b.part));
    const first = sorted[0]!;
    if (sorted.length !== Number(first.parts))
      throw new Error(`report snapshot ${String(first.sk)} has ${sorted.length} of ${String(first.parts)} parts`);
    const key = { family: first.family as ReportFamily, value: String(first.value), currency: String(first.currency) };
    const id = `${key.family}\u0000${key.value}\u0000${key.currency}`;
    const cell = cells.get(id) ?? { ...key, metrics: {} };
    cells.set(id, cell);
    Object.assign(cell.metrics, decodeMetrics(sorted.map((part) => String(part.metrics)).join('')));
  }
  return [...cells.values()];
};

const ZONE_CACHE_MS = 5 * 60_000;
const zones = new Map<string, { zone: string; until: number }>();

/**
 * The tenant's zone (its `timeZone`, UTC without a tenant item): the local day a fact counts on. Cached a few minutes
 * per process; a tenant changing zones is rare and only moves facts near midnight by a day.
 */
export const tenantZone = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  tenantId: string,
): Promise<string> => {
  const cacheKey = `${tableName}\u0000${tenantId}`;
  const cached = zones.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.zone;
  const result = await client.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.tenant(tenantId),
      ProjectionExpression: '#zone',
      ExpressionAttributeNames: { '#zone': 'timeZone' },
    }),
  );
  const zone = typeof result.Item?.timeZone === 'string' ? result.Item.timeZone : 'UTC';
  zones.set(cacheKey, { zone, until: Date.now() + ZONE_CACHE_MS });
  return zone;
};

/** The tenant-local day an instant (ISO string) falls on. */
export const reportDay = (at: string, zone: string) => localDate(new Date(at), zone);
