// The local stand-in for the EventBridge bus: every integration event, validated against the catalog and kept in order.
import { IntegrationEventSchema, type IntegrationEvent } from '../events/catalog';
import type { EventPublisher } from '../shared/ports/event-publisher.port';

export class EventRecorder implements EventPublisher {
  private readonly events: (IntegrationEvent & { source: 'arrears' })[] = [];

  async publish(events: IntegrationEvent[]): Promise<void> {
    for (const event of events) this.events.push({ ...IntegrationEventSchema.parse(event), source: 'arrears' });
  }

  list() {
    return [...this.events];
  }
}
