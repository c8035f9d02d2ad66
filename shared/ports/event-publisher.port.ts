// Integration events for partners (EventBridge when deployed, a recorder locally).
import type { IntegrationEvent } from '../../events/catalog';

export interface EventPublisher {
  publish(events: IntegrationEvent[]): Promise<void>;
}
