// EventBridge adapter: publishes integration events to the Arrears bus in batches of ten, retrying entries that failed.
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type IntegrationEvent } from '../../../events/catalog';
import type { EventPublisher } from '../../ports/event-publisher.port';

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
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
        if (attempt >= 4) throw new Error(`EventBridge refused ${result.FailedEntryCount} event(s) after 5 attempts`);
        batch = batch.filter((_, index) => result.Entries?.[index]?.ErrorCode);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}
