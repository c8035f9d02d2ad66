// Delinquencies with their timeline and claims in one partition; opening one also points its invoice at it, atomically.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type {
  AssigneeChange,
  QueueFilter,
  QueuePage,
  ClaimOutcome,
  DelinquencyRepository,
  StepClaim,
  StepClaimKey,
} from '../../ports/delinquency-repository.port';
import {
  CLOSED_STATUSES,
  DelinquencySchema,
  StoredTimelineEntrySchema,
  type Delinquency,
  type StoredTimelineEntry,
  type TimelineEntry,
} from '../../schemas/delinquency.schema';
import { DisputeSchema, type Dispute } from '../../schemas/dispute.schema';
import { PaymentPromiseSchema, type PaymentPromise } from '../../schemas/promise.schema';
import { PaymentPlanSchema, type PaymentPlan } from '../../schemas/plan.schema';
import { DynamoClaims } from './claims.dynamodb';
import { decodeCursor, encodeCursor, indexPage, refuse as refuseCursor } from './page-cursor';
import { isConditionFailure, queryAll } from './client';
import { readIndexed } from './indexed-items';
import { itemMeta, keys, stripStorage } from './keys';
import { transactGuarded, versionCondition } from './version-condition';
import { reportDims } from '../../domain/report-ledger';
import { DynamoReportLedger } from './report-ledger.dynamodb';
import { logger } from '../../observability/logger';
import type { TransactItem } from './report-items';

/** Index pages a filtered queue page reads at most before it answers what it found, with a cursor to go on. */
const MAX_QUEUE_READS = 5;

const QUEUE_BANDS = ['high', 'medium', 'low'] as const;

/** What a queue page filters on, from the attributes the queue indexes copy (table-design.ts). */
interface QueueIndexFilter {
  queue?: string | undefined;
  currency?: string | undefined;
  stage?: string | undefined;
}
type QueueBand = (typeof QUEUE_BANDS)[number];

const indexKeyOf = (item: Record<string, unknown>, index: 'gsi3' | 'gsi4') => ({
  pk: item.pk,
  sk: item.sk,
  [`${index}pk`]: item[`${index}pk`],
  [`${index}sk`]: item[`${index}sk`],
});

const encodeBandCursor = (positions: Record<QueueBand, Record<string, unknown> | undefined | 'end'>): string =>
  Buffer.from(
    JSON.stringify(
      Object.fromEntries(
        QUEUE_BANDS.map((band) => [
          band,
          positions[band] === 'end'
            ? 'end'
            : (encodeCursor(positions[band] as Record<string, unknown> | undefined) ?? null),
        ]),
      ),
    ),
    'utf8',
  ).toString('base64url');

/** A merged-queue cursor: per band "end", null (from the top) or that band's own cursor, checked against its partition. */
const decodeBandCursor = (
  cursor: string | undefined,
  partitions: Record<QueueBand, string>,
): Record<QueueBand, Record<string, string> | undefined | 'end'> => {
  const fresh = { high: undefined, medium: undefined, low: undefined };
  if (cursor === undefined) return fresh;
  let outer: unknown;
  try {
    outer = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    outer = null;
  }
  // Exactly the three bands, each its own checked cursor: nothing else in a cursor reaches a query.
  if (
    typeof outer !== 'object' ||
    outer === null ||
    Array.isArray(outer) ||
    Object.keys(outer).length !== QUEUE_BANDS.length ||
    QUEUE_BANDS.some((band) => !Object.hasOwn(outer, band))
  ) {
    throw refuseCursor();
  }
  const parts = outer as Record<QueueBand, unknown>;
  return Object.fromEntries(
    QUEUE_BANDS.map((band) => {
      const part = parts[band];
      if (part === 'end') return [band, 'end'];
      if (part === null) return [band, undefined];
      if (typeof part !== 'string') throw refuseCursor();
      return [band, decodeCursor(part, 'gsi3pk', partitions[band])];
    }),
  ) as Record<QueueBand, Record<string, string> | undefined | 'end'>;
};

/**
 * The stage filter, applied to the cases a page read from the table: the queue indexes do not copy `stage` (every step
 * would rewrite two index items for it), so a page filtered by stage may come out short; its cursor goes on.
 */
const atStage =
  (stage: string | undefined) =>
  (item: Record<string, unknown>): boolean =>
    stage === undefined || item.stage === stage;

export class DynamoDelinquencyRepository implements DelinquencyRepository {
  private readonly claimTable: DynamoClaims;
  /** Report counters: a promise decision counts in its transaction; a reassigned debt's counters follow it. */
  private readonly reports: DynamoReportLedger;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.claimTable = new DynamoClaims(client, tableName);
    this.reports = new DynamoReportLedger(client, tableName);
  }

  private partition(tenantId: string, delinquencyId: string, prefix: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.delinquencyPartition(tenantId, delinquencyId), ':prefix': prefix },
      ConsistentRead: true,
    });
  }

  private delinquencyItem(tenantId: string, delinquency: Delinquency): Record<string, unknown> {
    const active = !CLOSED_STATUSES.includes(delinquency.status);
    return {
      ...keys.delinquency(tenantId, delinquency.id),
      ...keys.delinquencyByCustomer(tenantId, delinquency.customerId, delinquency.openedAt, delinquency.id),
      // Only open delinquencies are in the work queues (the tenant's and the assignee's), ranked by priority.
      ...(active
        ? keys.workQueue(
            tenantId,
            delinquency.status,
            delinquency.score?.band ?? 'medium',
            delinquency.priority,
            delinquency.id,
          )
        : {}),
      ...(active
        ? keys.assigneeQueue(tenantId, delinquency.assigneeId, delinquency.status, delinquency.priority, delinquency.id)
        : {}),
      ...(!active && delinquency.closedAt ? keys.closedListing(tenantId, delinquency.closedAt, delinquency.id) : {}),
      ...itemMeta('Delinquency'),
      ...delinquency,
    };
  }

  private timelineItem(tenantId: string, delinquencyId: string, entry: TimelineEntry): Record<string, unknown> {
    return {
      ...keys.timelineEntry(tenantId, delinquencyId, entry.at, entry.id),
      ...itemMeta('TimelineEntry'),
      ...entry,
    };
  }

  async get(tenantId: string, delinquencyId: string): Promise<Delinquency | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.delinquency(tenantId, delinquencyId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? DelinquencySchema.parse(stripStorage(result.Item)) : null;
  }

  async open(tenantId: string, delinquency: Delinquency, opened: TimelineEntry): Promise<'opened' | 'exists'> {
    const created = await transactGuarded(
      this.client,
      [
        {
          Put: {
            TableName: this.tableName,
            Item: this.delinquencyItem(tenantId, delinquency),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: keys.invoice(tenantId, delinquency.invoiceId),
            // In collection now; it stays in the run's due-date index until its execution is started (markStarted).
            UpdateExpression: 'SET delinquencyId = :id, awaitingStart = :true, #version = #version + :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':id': delinquency.id, ':one': 1, ':true': true },
          },
        },
        { Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, opened) } },
      ],
      'throw',
    );
    return created ? 'opened' : 'exists';
  }

  save(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
  ): Promise<boolean> {
    return transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: this.delinquencyItem(tenantId, delinquency),
          ...versionCondition(expectedVersion),
        },
      },
      ...entries.map((entry) => ({
        Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, entry) },
      })),
    ]);
  }

  saveWithDispute(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    dispute: Dispute,
    isNew = true,
  ): Promise<boolean> {
    return transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: this.delinquencyItem(tenantId, delinquency),
          ...versionCondition(expectedVersion),
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.dispute(tenantId, delinquency.id, dispute.id),
            ...keys.disputeListing(tenantId, dispute.openedAt, dispute.id),
            ...itemMeta('Dispute'),
            ...dispute,
          },
          ...(isNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        },
      },
      ...(isNew
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.disputePointer(tenantId, dispute.id),
                  ...itemMeta('DisputePointer'),
                  delinquencyId: delinquency.id,
                },
              },
            },
          ]
        : []),
      ...entries.map((entry) => ({
        Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, entry) },
      })),
    ]);
  }

  async listQueue(tenantId: string, filter: QueueFilter, limit: number, cursor?: string): Promise<QueuePage> {
    if (filter.assigneeId !== undefined) {
      // One collector's queue is short: band and currency filter it.
      const partition = keys.assigneeQueuePartition(tenantId, filter.assigneeId, filter.status);
      return this.singlePartitionPage(
        'gsi4',
        partition,
        {
          queue: filter.band === undefined ? undefined : keys.workQueuePartition(tenantId, filter.status, filter.band),
          currency: filter.currency,
          stage: filter.stage,
        },
        limit,
        cursor,
      );
    }
    if (filter.band !== undefined) {
      return this.singlePartitionPage(
        'gsi3',
        keys.workQueuePartition(tenantId, filter.status, filter.band),
        { currency: filter.currency, stage: filter.stage },
        limit,
        cursor,
      );
    }
    return this.mergedBandsPage(
      tenantId,
      filter.status,
      { currency: filter.currency, stage: filter.stage },
      limit,
      cursor,
    );
  }

  async listAssigneeQueue(
    tenantId: string,
    filter: QueueFilter & { assigneeId: string },
    max: number,
  ): Promise<Delinquency[] | 'too-many'> {
    const entries: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    const partition = keys.assigneeQueuePartition(tenantId, filter.assigneeId, filter.status);
    const queue = filter.band === undefined ? undefined : keys.workQueuePartition(tenantId, filter.status, filter.band);
    do {
      const page = await this.queryPage(
        'gsi4',
        partition,
        { queue, currency: filter.currency, stage: filter.stage },
        max + 1,
        startKey,
      );
      entries.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey && entries.length <= max);
    if (entries.length > max) return 'too-many';
    const cases = await readIndexed(this.client, this.tableName, entries, 'gsi4');
    return cases.filter(atStage(filter.stage)).map((item) => DelinquencySchema.parse(stripStorage(item)));
  }

  private queryPage(
    index: 'gsi3' | 'gsi4',
    partition: string,
    filter: QueueIndexFilter,
    limit: number,
    startKey: Record<string, unknown> | undefined,
  ) {
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':pk': partition };
    const names: Record<string, string> = {};
    if (filter.queue !== undefined) {
      // A band is a partition of the tenant's queue: the assignee index holds that partition key for this filter.
      conditions.push('#queue = :queue');
      names['#queue'] = 'gsi3pk';
      values[':queue'] = filter.queue;
    }
    if (filter.currency !== undefined) {
      conditions.push('#currency = :currency');
      names['#currency'] = 'currency';
      values[':currency'] = filter.currency;
    }
    return this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ...(conditions.length > 0
          ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }
          : {}),
        ExpressionAttributeValues: values,
        // A filtered page reads more of the index per call, since some of what it reads is left out.
        Limit: conditions.length > 0 ? Math.max(limit * 4, 50) : limit,
        ExclusiveStartKey: startKey,
      }),
    );
  }

  /**
   * One index partition, highest priority first. A filtered page reads on until it is full or the partition ends (at
   * most a few index pages) and answers a cursor after the last item it returned: the next page neither repeats nor
   * skips anything.
   */
  private async singlePartitionPage(
    index: 'gsi3' | 'gsi4',
    partition: string,
    filter: QueueIndexFilter,
    limit: number,
    cursor?: string,
  ): Promise<QueuePage> {
    const items: Record<string, unknown>[] = [];
    let startKey = decodeCursor(cursor, `${index}pk`, partition) as Record<string, unknown> | undefined;
    let lastIncluded: Record<string, unknown> | undefined;
    let exhausted = false;
    for (let reads = 0; reads < MAX_QUEUE_READS; reads += 1) {
      const page = await this.queryPage(index, partition, filter, limit - items.length, startKey);
      const found = page.Items ?? [];
      let taken = 0;
      for (const item of found) {
        if (items.length === limit) break;
        items.push(item);
        lastIncluded = indexKeyOf(item, index);
        taken += 1;
      }
      startKey = page.LastEvaluatedKey;
      if (items.length === limit) {
        exhausted = !startKey && taken === found.length;
        break;
      }
      if (!startKey) {
        exhausted = true;
        break;
      }
    }
    const nextKey = exhausted ? undefined : items.length === limit ? lastIncluded : startKey;
    const cases = await readIndexed(this.client, this.tableName, items, index);
    return {
      items: cases.filter(atStage(filter.stage)).map((item) => DelinquencySchema.parse(stripStorage(item))),
      nextCursor: encodeCursor(nextKey),
    };
  }

  /**
   * The whole status: the three band partitions read side by side and merged by priority. An item is answered only
   * when no band with more to read could still hold a higher one, so the order is exact; the band that holds the
   * others back is read further (within a budget) until the page is full. The cursor keeps a position per band, each
   * checked to be the caller's own partition.
   */
  private async mergedBandsPage(
    tenantId: string,
    status: string,
    filter: QueueIndexFilter,
    limit: number,
    cursor?: string,
  ): Promise<QueuePage> {
    const partitions = Object.fromEntries(
      QUEUE_BANDS.map((band) => [band, keys.workQueuePartition(tenantId, status, band)]),
    ) as Record<QueueBand, string>;
    const start = decodeBandCursor(cursor, partitions);
    const bands = QUEUE_BANDS.map((band) => ({
      band,
      start: start[band],
      at: start[band],
      items: [] as Record<string, unknown>[],
    }));
    const read = async (entry: (typeof bands)[number]) => {
      const page = await this.queryPage(
        'gsi3',
        partitions[entry.band],
        filter,
        limit,
        entry.at === 'end' ? undefined : entry.at,
      );
      entry.items.push(...(page.Items ?? []));
      entry.at = page.LastEvaluatedKey ?? 'end';
    };
    await Promise.all(bands.filter((entry) => entry.at !== 'end').map(read));
    const sortKey = (item: Record<string, unknown>) => String(item.gsi3sk);
    let eligible: { band: QueueBand; item: Record<string, unknown> }[];
    for (let reads = 0; ; reads += 1) {
      const open = bands.filter((entry) => entry.at !== 'end');
      const limiting = open.reduce<(typeof bands)[number] | undefined>(
        (low, entry) =>
          !low || sortKey(entry.at as Record<string, unknown>) < sortKey(low.at as Record<string, unknown>)
            ? entry
            : low,
        undefined,
      );
      const boundary = limiting ? sortKey(limiting.at as Record<string, unknown>) : undefined;
      eligible = bands
        .flatMap((entry) => entry.items.map((item) => ({ band: entry.band, item })))
        .filter((candidate) => boundary === undefined || sortKey(candidate.item) <= boundary)
        .sort((a, b) => (sortKey(a.item) < sortKey(b.item) ? -1 : 1));
      if (eligible.length >= limit || !limiting || reads >= MAX_QUEUE_READS * QUEUE_BANDS.length) break;
      await read(limiting);
    }
    const taken = eligible.slice(0, limit);
    const next = {} as Record<QueueBand, Record<string, unknown> | undefined | 'end'>;
    for (const entry of bands) {
      const fromBand = taken.filter((candidate) => candidate.band === entry.band);
      if (fromBand.length === entry.items.length)
        next[entry.band] = entry.at; // all it read was answered (or filtered out)
      else if (fromBand.length > 0) next[entry.band] = indexKeyOf(fromBand[fromBand.length - 1]!.item, 'gsi3');
      else next[entry.band] = entry.start; // read but held back: read again from where this page began
    }
    const done = QUEUE_BANDS.every((band) => next[band] === 'end');
    const cases = await readIndexed(
      this.client,
      this.tableName,
      taken.map((candidate) => candidate.item),
      'gsi3',
    );
    return {
      items: cases.filter(atStage(filter.stage)).map((item) => DelinquencySchema.parse(stripStorage(item))),
      nextCursor: done ? null : encodeBandCursor(next),
    };
  }

  listClosed(tenantId: string, month: string, limit: number, cursor?: string): Promise<QueuePage> {
    const request = {
      tableName: this.tableName,
      index: 'gsi3' as const,
      partition: keys.closedPartition(tenantId, month),
      limit,
      cursor,
    };
    return indexPage(this.client, request, (item) => DelinquencySchema.parse(stripStorage(item)));
  }

  assign(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    change: AssigneeChange,
  ): Promise<boolean> {
    const collectorUpdate = (collectorId: string, delta: 1 | -1) => ({
      Update: {
        TableName: this.tableName,
        Key: keys.collector(tenantId, collectorId),
        UpdateExpression:
          delta === 1
            ? 'SET openCount = openCount + :one, results.#month = if_not_exists(results.#month, :zero) + :one'
            : 'SET openCount = openCount - :one',
        // Automatic assignment keeps to capacity and to active collectors; a manager's choice is theirs to make.
        ConditionExpression:
          delta === 1 && change.withinCapacity
            ? 'attribute_exists(pk) AND #active = :yes AND openCount < #capacity'
            : 'attribute_exists(pk)',
        ...(delta === 1
          ? {
              ExpressionAttributeNames: {
                '#month': `${change.month}#assigned`,
                ...(change.withinCapacity ? { '#active': 'active', '#capacity': 'capacity' } : {}),
              },
            }
          : {}),
        ExpressionAttributeValues: {
          ':one': 1,
          ...(delta === 1 ? { ':zero': 0 } : {}),
          ...(delta === 1 && change.withinCapacity ? { ':yes': true } : {}),
        },
      },
    });
    const writes = [
      {
        Put: {
          TableName: this.tableName,
          Item: this.delinquencyItem(tenantId, delinquency),
          ...versionCondition(expectedVersion),
        },
      },
      ...(change.to ? [collectorUpdate(change.to, 1)] : []),
      ...(change.from ? [collectorUpdate(change.from, -1)] : []),
      ...entries.map((entry) => ({
        Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, entry) },
      })),
    ];
    return transactGuarded(this.client, writes as never).then(async (saved) => {
      // The debt's report counters follow it to its collector: a move of its own, retried on conflict. The assignment
      // stands either way, so a move that still fails is logged rather than reported as a failed assignment.
      if (saved) {
        await this.reports
          .moveDimensions(
            tenantId,
            delinquency.invoiceId,
            { collector: reportDims(null, delinquency.assigneeId).collector },
            entries[0]?.at ?? new Date().toISOString(),
          )
          .catch((error: unknown) =>
            logger.error('report counters did not follow the assignment', {
              tenantId,
              delinquencyId: delinquency.id,
              error: (error as Error).message,
            }),
          );
      }
      return saved;
    });
  }

  async listByCustomer(
    tenantId: string,
    customerId: string,
    known: readonly Delinquency[] = [],
  ): Promise<Delinquency[]> {
    const entries = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.customerPartition(tenantId, customerId), ':prefix': 'DELINQUENCY#' },
    });
    const held = new Map(known.map((delinquency) => [keys.delinquency(tenantId, delinquency.id).pk, delinquency]));
    const read = await readIndexed(
      this.client,
      this.tableName,
      entries.filter((entry) => !held.has(String(entry.pk))),
      'gsi1',
    );
    const byPk = new Map(read.map((item) => [String(item.pk), DelinquencySchema.parse(stripStorage(item))]));
    // In the index's order, each entry answered by the caller's copy or by the item read.
    return entries.flatMap((entry) => {
      const found = held.get(String(entry.pk)) ?? byPk.get(String(entry.pk));
      return found ? [found] : [];
    });
  }

  async disputeOwner(tenantId: string, disputeId: string): Promise<string | null> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.disputePointer(tenantId, disputeId),
        ConsistentRead: true,
      }),
    );
    return typeof result.Item?.delinquencyId === 'string' ? result.Item.delinquencyId : null;
  }

  listDisputes(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Dispute[]; nextCursor: string | null }> {
    const request = {
      tableName: this.tableName,
      index: 'gsi1' as const,
      partition: keys.disputesPartition(tenantId),
      limit,
      cursor,
      newestFirst: true,
    };
    return indexPage(this.client, request, (item) => DisputeSchema.parse(stripStorage(item)));
  }

  /** The delinquency over its version, one item of its partition (new: must not exist yet) and timeline entries. */
  private saveWithItem(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    item: Record<string, unknown>,
    isNew: boolean,
    extra: TransactItem[] = [],
  ): Promise<boolean> {
    return transactGuarded(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: this.delinquencyItem(tenantId, delinquency),
          ...versionCondition(expectedVersion),
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: item,
          ...(isNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        },
      },
      ...entries.map((entry) => ({
        Put: { TableName: this.tableName, Item: this.timelineItem(tenantId, delinquency.id, entry) },
      })),
      ...extra,
    ]);
  }

  async saveWithPromise(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    promise: PaymentPromise,
    isNew: boolean,
  ): Promise<boolean> {
    const item = { ...keys.promise(tenantId, delinquency.id, promise.id), ...itemMeta('PaymentPromise'), ...promise };
    // A decided promise counts for the promise-kept rate in the same transaction that records the decision.
    const decision = await this.reports.promiseDecision(tenantId, delinquency, promise);
    return this.saveWithItem(tenantId, delinquency, expectedVersion, entries, item, isNew, decision);
  }

  saveWithPlan(
    tenantId: string,
    delinquency: Delinquency,
    expectedVersion: number,
    entries: TimelineEntry[],
    plan: PaymentPlan,
    isNew: boolean,
  ): Promise<boolean> {
    const item = { ...keys.plan(tenantId, delinquency.id, plan.id), ...itemMeta('PaymentPlan'), ...plan };
    return this.saveWithItem(tenantId, delinquency, expectedVersion, entries, item, isNew);
  }

  async plans(tenantId: string, delinquencyId: string): Promise<PaymentPlan[]> {
    const items = await this.partition(tenantId, delinquencyId, keys.planPrefix);
    return items.map((item) => PaymentPlanSchema.parse(stripStorage(item)));
  }

  async promises(tenantId: string, delinquencyId: string): Promise<PaymentPromise[]> {
    const items = await this.partition(tenantId, delinquencyId, keys.promisePrefix);
    return items.map((item) => PaymentPromiseSchema.parse(stripStorage(item)));
  }

  async disputes(tenantId: string, delinquencyId: string): Promise<Dispute[]> {
    const items = await this.partition(tenantId, delinquencyId, 'DISPUTE#');
    return items.map((item) => DisputeSchema.parse(stripStorage(item)));
  }

  async appendTimeline(tenantId: string, delinquencyId: string, entries: TimelineEntry[]): Promise<void> {
    for (const entry of entries) {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: this.timelineItem(tenantId, delinquencyId, entry) }),
      );
    }
  }

  async timeline(tenantId: string, delinquencyId: string): Promise<StoredTimelineEntry[]> {
    const items = await this.partition(tenantId, delinquencyId, keys.timelinePrefix);
    return items.map((item) => StoredTimelineEntrySchema.parse(stripStorage(item)));
  }

  claim(tenantId: string, delinquencyId: string, claim: StepClaim): Promise<ClaimOutcome> {
    return this.claimTable.claim(keys.delinquencyPartition(tenantId, delinquencyId), claim);
  }

  settleClaim(
    tenantId: string,
    delinquencyId: string,
    key: StepClaimKey,
    attemptId: string,
    update: Partial<StepClaim>,
  ): Promise<void> {
    return this.claimTable.settle(keys.delinquencyPartition(tenantId, delinquencyId), key, attemptId, update);
  }

  releaseClaim(tenantId: string, delinquencyId: string, key: StepClaimKey, attemptId: string): Promise<void> {
    return this.claimTable.release(keys.delinquencyPartition(tenantId, delinquencyId), key, attemptId);
  }

  claims(tenantId: string, delinquencyId: string): Promise<StepClaim[]> {
    return this.claimTable.list(keys.delinquencyPartition(tenantId, delinquencyId));
  }

  async storeLetter(
    tenantId: string,
    delinquencyId: string,
    letter: { id: string; stepId: string; html: string; createdAt: string },
  ): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.letter(tenantId, delinquencyId, letter.stepId), ...itemMeta('Letter'), ...letter },
      }),
    );
  }

  async bumpFacts(tenantId: string, delinquencyId: string): Promise<string | null> {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delinquency(tenantId, delinquencyId),
          // The version moves too, so an execution that read the old facts must re-read before it writes.
          UpdateExpression: 'SET factsVersion = factsVersion + :one, #version = #version + :one',
          ExpressionAttributeNames: { '#version': 'version' },
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const token = result.Attributes?.taskToken;
      return typeof token === 'string' ? token : null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }
}
