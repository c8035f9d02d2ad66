// Integration events for partners (EventBridge when deployed, a recorder locally).
import type { IntegrationEvent } from '../../events/catalog';
import { IntegrationError } from '../errors/errors';

export interface PublishOptions {
  /** When the events happened, if not now (a replay of parked events): the envelope's time on the bus. */
  time?: Date;
}

export interface EventPublisher {
  publish(events: IntegrationEvent[], options?: PublishOptions): Promise<void>;
}

/** The bus still refused some events after the publisher's retries; the others of the call were published. */
export class EventsRefusedError extends IntegrationError {
  constructor(
    message: string,
    /** Exactly the events not published, in their order: what must be kept for a replay. */
    readonly refused: IntegrationEvent[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
