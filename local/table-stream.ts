// Stands in for the Lambda event source mapping of the table's stream: reads DynamoDB Local's stream as the consuming
// function (its role is checked on every stream call), keeps the records the deployed mapping's filter keeps (invoice
// items inserted or modified), and hands them to the function in batches; a batch item failure is retried from that
// record, as Lambda does. `drain()` hands over everything written so far and resolves once it is counted.
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { runAsFunction } from './iam/function-scope';
import { lambdaContext } from './lambda-context';

/** The deployed mapping's batch size. */
const BATCH_SIZE = 100;
/** Attempts at a batch before its records are given up (deployed: they go to the dead-letter queue). */
const BATCH_ATTEMPTS = 3;

export interface LocalTableStreamOptions {
  client: DynamoDBStreamsClient;
  /** The stream the deployed mapping is configured with. */
  streamArn: string;
  /** The consuming function's construct id: its role reads the stream and runs the handler. */
  functionId: string;
  handler: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;
  onError: (error: unknown) => void;
  /**
   * Where reading starts in the shards the first pass finds: their oldest record (the default, as a mapping created with
   * the table), or their end, for a consumer attached to a table whose earlier writes it must not count.
   */
  startAt?: 'oldest' | 'latest';
}

/** The deployed mapping's filter: invoice items inserted or modified. */
const kept = (record: StreamRecord) =>
  (record.eventName === 'INSERT' || record.eventName === 'MODIFY') && record.dynamodb?.NewImage?.type?.S === 'Invoice';

export class LocalTableStream {
  /** Per shard: the last sequence number handed over (null: none yet), so reading resumes right after it. */
  private readonly shards = new Map<string, { after: string | null; iterator: string | null; closed: boolean }>();
  private running: Promise<void> = Promise.resolve();
  private poller: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: LocalTableStreamOptions) {}

  /** Hands over every record written so far; passes run one at a time. */
  drain(): Promise<void> {
    const pass = this.running.then(() => runAsFunction(this.options.functionId, () => this.pass()));
    this.running = pass.catch(() => undefined);
    return pass;
  }

  /** Polls the stream as the deployed mapping does (a few times a second), until stopped. */
  poll(intervalMs: number): void {
    const next = () => {
      if (this.stopped) return;
      this.poller = setTimeout(() => {
        this.drain()
          .catch((error: unknown) => this.options.onError(error))
          .finally(next);
      }, intervalMs);
    };
    next();
  }

  /** Stops polling; resolves once a pass under way has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearTimeout(this.poller);
    await this.running;
  }

  /**
   * Reads every open shard to its end. The stream is described at the first pass and again whenever a shard closed
   * (its successor opens then), so an idle hour's pass is one read per open shard, not a description as well.
   */
  private async pass(): Promise<void> {
    let describe = this.shards.size === 0;
    while (!this.stopped) {
      if (describe) await this.findShards();
      const closedBefore = this.closedShards();
      await this.readOpenShards();
      if (this.closedShards() === closedBefore) return;
      describe = true;
    }
  }

  private closedShards(): number {
    return [...this.shards.values()].filter((state) => state.closed).length;
  }

  private async findShards(): Promise<void> {
    const { client, streamArn } = this.options;
    const described = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of described.StreamDescription?.Shards ?? []) {
      if (!this.shards.has(shard.ShardId!))
        this.shards.set(shard.ShardId!, { after: null, iterator: null, closed: false });
    }
  }

  private async readOpenShards(): Promise<void> {
    const { client, streamArn } = this.options;
    for (const [shardId, state] of this.shards) {
      while (!state.closed && !this.stopped) {
        state.iterator ??=
          (
            await client.send(
              new GetShardIteratorCommand({
                StreamArn: streamArn,
                ShardId: shardId,
                ...(state.after === null
                  ? { ShardIteratorType: this.options.startAt === 'latest' ? 'LATEST' : 'TRIM_HORIZON' }
                  : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.after }),
              }),
            )
          ).ShardIterator ?? null;
        if (state.iterator === null) {
          state.closed = true;
          break;
        }
        let page;
        try {
          page = await client.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: BATCH_SIZE }));
        } catch (error) {
          // An iterator lives 15 minutes: a stale one is fetched again from the last record handed over.
          if ((error as Error).name !== 'ExpiredIteratorException') throw error;
          state.iterator = null;
          continue;
        }
        const records = page.Records ?? [];
        await this.handOver(records.filter(kept));
        if (records.length > 0) state.after = records.at(-1)!.dynamodb!.SequenceNumber!;
        state.iterator = page.NextShardIterator ?? null;
        if (state.iterator === null) state.closed = true;
        if (records.length === 0) break;
      }
    }
  }

  /** Invokes the function with a batch; a reported failure is retried from that record, then given up (logged). */
  private async handOver(records: StreamRecord[]): Promise<void> {
    let batch = records;
    for (let attempt = 1; batch.length > 0; attempt += 1) {
      const event = {
        Records: batch.map((record) => ({ ...record, eventSourceARN: this.options.streamArn })),
      } as unknown as DynamoDBStreamEvent;
      const response = await this.options.handler(event, lambdaContext(this.options.functionId));
      const failed = response?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed === undefined) return;
      if (attempt >= BATCH_ATTEMPTS) {
        this.options.onError(new Error(`stream records from ${failed} were given up after ${attempt} attempts`));
        return;
      }
      batch = batch.slice(
        Math.max(
          0,
          batch.findIndex((record) => record.dynamodb?.SequenceNumber === failed),
        ),
      );
    }
  }
}
