// EventBridge adapter: publishes integration events to the Arrears bus in batches of ten, retrying entries that failed.
import { PutEventsCommand, type EventBridgeClient, type PutEventsCommandOutput } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type IntegrationEvent } from '../../../events/catalog';
import { EventsRefusedError, type EventPublisher, type PublishOptions } from '../../ports/event-publisher.port';

/** PutEvents calls per batch before the refused entries are reported (the SDK retries throttled calls itself). */
export const MAX_PUT_ATTEMPTS = 5;

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    /** Waits between attempts (full jitter over 100 ms × 2^attempt); tests pass one that does not sleep. */
    private readonly pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async publish(events: IntegrationEvent[], options: PublishOptions = {}): Promise<void> {
    for (let start = 0; start < events.length; start += 10) {
      let batch = events.slice(start, start + 10);
      // What is not on the bus when this gives up: the batch's refused entries and every later batch (never tried).
      const refused = (reason: string, cause?: unknown) =>
        new EventsRefusedError(reason, [...batch, ...events.slice(start + 10)], { cause });
      for (let attempt = 0; batch.length > 0; attempt += 1) {
        let result: PutEventsCommandOutput;
        try {
          result = await this.client.send(
            new PutEventsCommand({
              Entries: batch.map((event) => ({
                EventBusName: this.busName,
                Source: EVENT_SOURCE,
                DetailType: event.detailType,
                Detail: JSON.stringify(event.detail),
                ...(options.time ? { Time: options.time } : {}),
              })),
            }),
          );
        } catch (error) {
          // The call itself failed after the SDK's retries: none of this batch is known to be on the bus.
          throw refused(
            `EventBridge PutEvents failed: ${error instanceof Error ? error.name : 'unknown error'}`,
            error,
          );
        }
        if (!result.FailedEntryCount) break;
        // Only the refused entries go again: the accepted ones are on the bus already.
        batch = batch.filter((_, index) => result.Entries?.[index]?.ErrorCode);
        if (attempt >= MAX_PUT_ATTEMPTS - 1)
          throw refused(`EventBridge refused ${batch.length} event(s) after ${MAX_PUT_ATTEMPTS} attempts`);
        await this.pause(Math.random() * 100 * 2 ** attempt);
      }
    }
  }
}
