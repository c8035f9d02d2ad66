// Counts invoice writes from the table's stream: each record's old and new image give the invoice's levels before and
// after, and the fact the write stored on the invoice gives its flows. A batch's counter changes are added up and
// written in as few transactions as fit, each holding a mark per counted write: a record delivered again is refused by
// its mark, so every write is counted exactly once.
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../domain/calendar';
import { addCells, invoiceCellChanges, type InvoiceFact, type ReportState } from '../../domain/report-ledger';
import type { CountedWrite, ReportStream } from '../../ports/report-stream.port';
import { ReportFactSchema } from '../../schemas/report-fact.schema';
import { transactionCancellationCodes } from './client';
import { itemMeta, keys } from './keys';
import { storedOf } from './report-ledger.dynamodb';
import { cellUpdate, reportDay, reportShard, tenantZone, type TransactItem } from './report-items';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;
/** A mark outlives the stream's 24 hours of records by far, then expires. */
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

/** The counter cells one write moves, on its day and in its invoice's shard. */
interface WriteCells {
  write: CountedWrite;
  shard: number;
  day: string;
  state: ReportState;
}

const cellKey = (tenantId: string, shard: number, day: string, id: string) =>
  `${tenantId}\u0000${shard}\u0000${day}\u0000${id}`;

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
    let chunkCells = new Set<string>();
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
      const added = [...cells.state.keys()].map((id) => cellKey(write.tenantId, cells.shard, cells.day, id));
      const fresh = added.filter((key) => !chunkCells.has(key)).length;
      if (chunk.length > 0 && chunk.length + chunkCells.size + 1 + fresh > MAX_TRANSACTION_ITEMS) {
        try {
          await this.countChunk(chunk);
        } catch (error) {
          return { failedFrom: chunk[0]!.write.recordId, error };
        }
        chunk = [];
        chunkCells = new Set();
      }
      chunk.push(cells);
      for (const key of added) chunkCells.add(key);
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
    return { write, shard: reportShard(write.invoiceId), day, state: addCells(new Map(), cells) };
  }

  /** One transaction: a mark per write and the sum of their cells; writes already marked are dropped and it goes again. */
  private async countChunk(chunk: readonly WriteCells[]): Promise<void> {
    let pending = [...chunk];
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const sums = new Map<string, { tenantId: string; shard: number; day: string; state: ReportState }>();
      for (const { write, shard, day, state } of pending) {
        const key = cellKey(write.tenantId, shard, day, '');
        const sum = sums.get(key) ?? { tenantId: write.tenantId, shard, day, state: new Map() };
        sums.set(key, sum);
        addCells(sum.state, state.values());
      }
      const cells: TransactItem[] = [...sums.values()].flatMap(({ tenantId, shard, day, state }) =>
        [...state.values()]
          .filter((cell) => Object.keys(cell.metrics).length > 0)
          .map((cell) => cellUpdate(this.tableName, tenantId, shard, day, cell)),
      );
      try {
        await this.client.send(
          new TransactWriteCommand({ TransactItems: [...pending.map(({ write }) => this.mark(write)), ...cells] }),
        );
        return;
      } catch (error) {
        const codes = transactionCancellationCodes(error);
        if (codes === null) throw error;
        const marked = pending.filter((_, index) => codes[index] === 'ConditionalCheckFailed');
        if (marked.length > 0) {
          pending = pending.filter((_, index) => codes[index] !== 'ConditionalCheckFailed');
          continue;
        }
        if (!codes.includes('TransactionConflict') || attempt >= CONFLICT_ATTEMPTS) throw error;
        await pause(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }

  private mark(write: CountedWrite): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.reportMark(write.tenantId, write.invoiceId, write.version),
          ...itemMeta('ReportMark'),
          expiresAt: Math.floor(Date.parse(`${addDays(write.at.slice(0, 10), MARK_KEEP_DAYS)}T00:00:00Z`) / 1000),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
}
