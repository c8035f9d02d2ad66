// Reads the report counters as they stood at a day's close (latest snapshot + what was added since) and folds closed
// days into snapshots. Every read is a handful of key-range queries, whatever the number of invoices.
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../domain/calendar';
import {
  addCells,
  pruneMetrics,
  REPORT_FAMILIES,
  type Cell,
  type ReportFamily,
  type ReportState,
} from '../../domain/report-ledger';
import type { ReportStore } from '../../ports/report-store.port';
import { isConditionFailure, queryAll } from './client';
import { itemMeta, keys } from './keys';
import { cellOfItem, cellsOfSnapshotItems, REPORT_SHARDS, snapshotItems } from './report-items';

const BATCH = 25;

export class DynamoReportStore implements ReportStore {
  /**
   * The last closed day this container saw folded, per tenant: the checkpoint only moves forward, so once it is known
   * the rest of that day's hourly runs here need not read it again (another container reads it once itself).
   */
  private readonly foldedThrough = new Map<string, string>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly shards: number = REPORT_SHARDS,
  ) {}

  /** The latest day on or before `day` whose snapshot is complete, or null. */
  private async latestSnapshot(tenantId: string, day: string): Promise<string | null> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :day',
        ExpressionAttributeValues: { ':pk': keys.reportSnapshotDays(tenantId), ':day': day },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const found = page.Items?.[0]?.sk;
    return typeof found === 'string' ? found : null;
  }

  /** A snapshot's cells of one family: every kind of counter, or only the kinds asked for. */
  private async snapshotCells(
    tenantId: string,
    day: string,
    family: ReportFamily,
    kinds?: readonly string[],
  ): Promise<Cell[]> {
    const prefixes = kinds === undefined ? [`${family}#`] : kinds.map((kind) => `${family}#${kind}#`);
    const pages = await Promise.all(
      prefixes.map((prefix) =>
        queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.reportSnapshotPartition(tenantId, day), ':prefix': prefix },
        }),
      ),
    );
    return cellsOfSnapshotItems(pages.flat());
  }

  /** One shard's cells of a family for the days after `afterDay` (null: from the start) up to `throughDay`. */
  private async ledgerCells(
    tenantId: string,
    shard: number,
    family: ReportFamily,
    afterDay: string | null,
    throughDay: string,
  ) {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.reportLedgerPartition(tenantId, shard),
        ':from': afterDay === null ? `${family}#` : `${family}#${addDays(afterDay, 1)}`,
        // "$" sorts right after "#": every cell of `throughDay` is below it.
        ':to': `${family}#${throughDay}$`,
      },
    });
    return items.map(cellOfItem);
  }

  private allLedgerCells(
    tenantId: string,
    families: readonly ReportFamily[],
    afterDay: string | null,
    throughDay: string,
  ) {
    return Promise.all(
      families.flatMap((family) =>
        Array.from({ length: this.shards }, (_, shard) =>
          this.ledgerCells(tenantId, shard, family, afterDay, throughDay),
        ),
      ),
    ).then((pages) => pages.flat());
  }

  async stateAt(
    tenantId: string,
    day: string,
    families: readonly ReportFamily[],
    kinds?: readonly string[],
  ): Promise<ReportState> {
    const snapshotDay = await this.latestSnapshot(tenantId, day);
    const state: ReportState = new Map();
    const [snapshot, since] = await Promise.all([
      snapshotDay === null
        ? []
        : Promise.all(families.map((family) => this.snapshotCells(tenantId, snapshotDay, family, kinds))).then(
            (pages) => pages.flat(),
          ),
      snapshotDay === day ? [] : this.allLedgerCells(tenantId, families, snapshotDay, day),
    ]);
    addCells(state, snapshot);
    addCells(state, since);
    return state;
  }

  /** The last closed day already folded (snapshots written, or nothing found to fold), or null. */
  private async checkpoint(tenantId: string): Promise<string | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.reportCheckpoint(tenantId) }),
    );
    const through = result.Item?.throughDay;
    return typeof through === 'string' ? through : null;
  }

  /** Records `day` as folded; it only moves forward, so a slower run that folded less cannot move it back. */
  private async recordCheckpoint(tenantId: string, day: string): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.reportCheckpoint(tenantId), ...itemMeta('ReportCheckpoint'), throughDay: day },
          ConditionExpression: 'attribute_not_exists(pk) OR throughDay < :day',
          ExpressionAttributeValues: { ':day': day },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async buildSnapshots(tenantId: string, throughDay: string): Promise<string[]> {
    // Every hour of a day asks for the same closed day: once it is folded (or had nothing to fold), one read answers,
    // not a query of every family and shard. A day with nothing to fold leaves the latest snapshot where it was, so
    // what a late fact adds after it is still read by `stateAt` and folded with the next day's.
    const known = this.foldedThrough.get(tenantId);
    if (known !== undefined && known >= throughDay) return [];
    const folded = await this.checkpoint(tenantId);
    if (folded !== null && folded >= throughDay) {
      this.foldedThrough.set(tenantId, folded);
      return [];
    }
    const written = await this.fold(tenantId, throughDay);
    await this.recordCheckpoint(tenantId, throughDay);
    this.foldedThrough.set(tenantId, throughDay);
    return written;
  }

  private async fold(tenantId: string, throughDay: string): Promise<string[]> {
    const last = await this.latestSnapshot(tenantId, throughDay);
    if (last === throughDay) return [];
    const changes = await this.allLedgerCells(tenantId, REPORT_FAMILIES, last, throughDay);
    if (changes.length === 0) return [];
    const state: ReportState = new Map();
    if (last !== null) {
      addCells(
        state,
        (await Promise.all(REPORT_FAMILIES.map((family) => this.snapshotCells(tenantId, last, family)))).flat(),
      );
    }
    const byDay = new Map<string, Cell[]>();
    for (const cell of changes) {
      const cells = byDay.get(cell.day);
      if (cells) cells.push(cell);
      else byDay.set(cell.day, [cell]);
    }
    const days = [...byDay.keys()].sort();
    const written: string[] = [];
    for (const [index, day] of days.entries()) {
      addCells(state, byDay.get(day)!);
      // Catching up on many days writes the last changed day of each month (the usual period ends) and the last one.
      const next = days[index + 1];
      if (next !== undefined && next.slice(0, 7) === day.slice(0, 7)) continue;
      await this.writeSnapshot(tenantId, day, state);
      written.push(day);
    }
    return written;
  }

  private async writeSnapshot(tenantId: string, day: string, state: ReportState): Promise<void> {
    const items: Record<string, unknown>[] = [];
    for (const [id, cell] of state) {
      cell.metrics = pruneMetrics(cell.metrics, day);
      if (Object.keys(cell.metrics).length === 0) state.delete(id);
      else items.push(...snapshotItems(tenantId, day, cell));
    }
    for (let start = 0; start < items.length; start += BATCH) {
      let requests = items.slice(start, start + BATCH).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise<void>((resolve) => setTimeout(resolve, Math.min(1_000, 20 * 2 ** attempt)));
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
    // Written last: a snapshot is read only once all of it is there.
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.reportSnapshotDay(tenantId, day), ...itemMeta('ReportSnapshotDay'), day, cells: state.size },
      }),
    );
  }
}
