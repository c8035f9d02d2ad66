// EventBridge adapter: publishes integration events to the Arrears bus in batches of ten, retrying entries that failed.
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type IntegrationEvent } from '../../../events/catalog';
import type { EventPublisher } from '../../ports/event-publisher.port';

/** PutEvents calls per batch before the refused entries are reported (the SDK retries throttled calls itself). */
export const MAX_PUT_ATTEMPTS = 5;

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    /** Waits between attempts (full jitter over 100 ms × 2^attempt); tests pass one that does not sleep. */
    private readonly pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async publish(events: IntegrationEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += 10) {
      let batch = events.slice(start, start + 10);
      for (let attempt = 0; batch.length > 0; attempt += 1) {
        const result = await this.client.send(
          new PutEventsCommand({
            Entries: batch.map((event) => ({
              EventBusName: this.busName,
              Source: EVENT_SOURCE,
              DetailType: event.detailType,
              Detail: JSON.stringify(event.detail),
            })),
          }),
        );
        if (!result.FailedEntryCount) break;
        if (attempt >= MAX_PUT_ATTEMPTS - 1) {
          throw Object.assign(new Error(`EventBridge refused ${result.FailedEntryCount} event(s) after ${MAX_PUT_ATTEMPTS} attempts`), { name: 'EventsRefused' });
        }
        // Only the refused entries go again: the accepted ones are on the bus already.
        batch = batch.filter((_, index) => result.Entries?.[index]?.ErrorCode);
        await this.pause(Math.random() * 100 * 2 ** attempt);
      }
    }
  }
}
