// Counts invoice writes from the table's stream: each record's old and new image give the invoice's levels before and
// after, and the fact the write stored on the invoice gives its flows. A batch's counter changes are added up and
// written in as few transactions as fit, each moving the mark of every invoice in it (the version counted up to) on
// the condition that it is below the first version counted now: a record delivered again is refused by its invoice's
// mark, so every write is counted exactly once. An invoice's writes reach the stream in order (one partition key, one
// shard), so a mark only moves forward. A transaction adds its sums to the cells of one report shard drawn at random:
// the consumers of other stream shards, counting at the same time, most likely write to other cells.
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../domain/calendar';
import { addCells, invoiceCellChanges, type InvoiceFact, type ReportState } from '../../domain/report-ledger';
import type { CountedWrite, ReportStream } from '../../ports/report-stream.port';
import { ReportFactSchema } from '../../schemas/report-fact.schema';
import { transactionCancellationCodes } from './client';
import { itemMeta, keys } from './keys';
import { storedOf } from './report-ledger.dynamodb';
import { cellUpdate, REPORT_SHARDS, reportDay, tenantZone, type TransactItem } from './report-items';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;
/** A mark outlives the stream's 24 hours of records by far after the invoice's last write, then expires. */
const MARK_KEEP_DAYS = 7;
const CONFLICT_ATTEMPTS = 20;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The write a stream record of the table stands for, or null when it moves no counter: not an invoice, deleted, or an
 * update that set no fact of its own (opening a delinquency, the run's start mark), whose invoice is counted as it was.
 */
export const countedWriteOf = (
  recordId: string,
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown> | undefined,
): CountedWrite | null => {
  if (newImage?.type !== 'Invoice') return null;
  const parsed = ReportFactSchema.safeParse(newImage.reportFact);
  if (!parsed.success) return null;
  const after = storedOf(newImage);
  if (parsed.data.version !== after.version || after.dims === null) return null;
  if (oldImage !== undefined && Number(oldImage.version) === after.version) return null;
  const before = oldImage === undefined ? null : storedOf(oldImage);
  const { tenantId, at, version, ...fact } = parsed.data;
  return {
    recordId,
    tenantId,
    invoiceId: String(newImage.id),
    version,
    at,
    before: before?.dims ? { invoice: before.standing, dims: before.dims } : null,
    after: { invoice: after.standing, dims: after.dims },
    fact: fact as InvoiceFact,
  };
};

/** The counter cells one write moves, on its day. */
interface WriteCells {
  write: CountedWrite;
  day: string;
  state: ReportState;
}

const cellKey = (tenantId: string, day: string, id: string) => `${tenantId}\u0000${day}\u0000${id}`;

export class DynamoReportStream implements ReportStream {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async count(writes: readonly CountedWrite[]): Promise<{ failedFrom: string | null; error?: unknown }> {
    // A record delivered twice in one batch is one write.
    const seen = new Set<string>();
    const unique = writes.filter((write) => {
      const id = `${write.tenantId}\u0000${write.invoiceId}\u0000${write.version}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    let chunk: WriteCells[] = [];
    // What the chunk's transaction will hold: a mark per invoice and a cell per distinct counter cell.
    let chunkItems = new Set<string>();
    for (const write of unique) {
      let cells: WriteCells;
      try {
        cells = await this.cellsOf(write);
      } catch (error) {
        return this.countChunk(chunk).then(
          () => ({ failedFrom: write.recordId, error }),
          () => ({ failedFrom: chunk[0]!.write.recordId, error }),
        );
      }
      // A write that moves no counter needs no mark: counting it again adds nothing.
      if (cells.state.size === 0) continue;
      const added = [
        `mark\u0000${write.tenantId}\u0000${write.invoiceId}`,
        ...[...cells.state.keys()].map((id) => cellKey(write.tenantId, cells.day, id)),
      ];
      const fresh = added.filter((key) => !chunkItems.has(key)).length;
      if (chunk.length > 0 && chunkItems.size + fresh > MAX_TRANSACTION_ITEMS) {
        try {
          await this.countChunk(chunk);
        } catch (error) {
          return { failedFrom: chunk[0]!.write.recordId, error };
        }
        chunk = [];
        chunkItems = new Set();
      }
      chunk.push(cells);
      for (const key of added) chunkItems.add(key);
    }
    try {
      await this.countChunk(chunk);
    } catch (error) {
      return { failedFrom: chunk[0]!.write.recordId, error };
    }
    return { failedFrom: null };
  }

  private async cellsOf(write: CountedWrite): Promise<WriteCells> {
    const day = reportDay(write.at, await tenantZone(this.client, this.tableName, write.tenantId));
    const cells = invoiceCellChanges({ before: write.before, after: write.after, fact: write.fact, day });
    return { write, day, state: addCells(new Map(), cells) };
  }

  /**
   * One transaction: the sum of the writes' cells and a mark per invoice. An invoice whose mark is refused was counted
   * (in part) before: its writes up to the mark are dropped and the transaction goes again.
   */
  private async countChunk(chunk: readonly WriteCells[]): Promise<void> {
    let pending = [...chunk];
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const invoices = new Map<
        string,
        { tenantId: string; invoiceId: string; first: number; last: number; at: string }
      >();
      const sums = new Map<string, { tenantId: string; day: string; state: ReportState }>();
      for (const { write, day, state } of pending) {
        const id = `${write.tenantId}\u0000${write.invoiceId}`;
        const seen = invoices.get(id);
        if (seen) Object.assign(seen, { last: write.version, at: write.at });
        else
          invoices.set(id, {
            tenantId: write.tenantId,
            invoiceId: write.invoiceId,
            first: write.version,
            last: write.version,
            at: write.at,
          });
        const key = cellKey(write.tenantId, day, '');
        const sum = sums.get(key) ?? { tenantId: write.tenantId, day, state: new Map() };
        sums.set(key, sum);
        addCells(sum.state, state.values());
      }
      const marks = [...invoices.values()];
      const shard = Math.floor(Math.random() * REPORT_SHARDS);
      const cells: TransactItem[] = [...sums.values()].flatMap(({ tenantId, day, state }) =>
        [...state.values()]
          .filter((cell) => Object.keys(cell.metrics).length > 0)
          .map((cell) => cellUpdate(this.tableName, tenantId, shard, day, cell)),
      );
      try {
        await this.client.send(
          new TransactWriteCommand({ TransactItems: [...marks.map((mark) => this.mark(mark)), ...cells] }),
        );
        return;
      } catch (error) {
        const codes = transactionCancellationCodes(error);
        if (codes === null) throw error;
        const refused = marks.filter((_, index) => codes[index] === 'ConditionalCheckFailed');
        if (refused.length > 0) {
          for (const mark of refused) {
            const through = await this.countedThrough(mark.tenantId, mark.invoiceId);
            pending = pending.filter(
              ({ write }) =>
                write.tenantId !== mark.tenantId || write.invoiceId !== mark.invoiceId || write.version > through,
            );
          }
          continue;
        }
        if (!codes.includes('TransactionConflict') || attempt >= CONFLICT_ATTEMPTS) throw error;
        await pause(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }

  /** The version an invoice's writes are counted up to (0: none). */
  private async countedThrough(tenantId: string, invoiceId: string): Promise<number> {
    const found = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.reportMark(tenantId, invoiceId), ConsistentRead: true }),
    );
    return Number(found.Item?.through ?? 0);
  }

  /** Moves an invoice's mark to `last`, refused if it is at `first` or beyond already. */
  private mark(mark: { tenantId: string; invoiceId: string; first: number; last: number; at: string }): TransactItem {
    const meta = itemMeta('ReportMark');
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.reportMark(mark.tenantId, mark.invoiceId),
        UpdateExpression: 'SET #type = :type, schemaVersion = :sv, through = :last, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(through) OR through < :first',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': meta.type,
          ':sv': meta.schemaVersion,
          ':last': mark.last,
          ':first': mark.first,
          ':expiresAt': Math.floor(Date.parse(`${addDays(mark.at.slice(0, 10), MARK_KEEP_DAYS)}T00:00:00Z`) / 1000),
        },
      },
    };
  }
}
