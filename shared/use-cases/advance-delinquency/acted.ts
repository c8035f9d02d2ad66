// What acting on one step came to: entries and events to record; whether the case closes, was paid, or must wait.
import type { IntegrationEvent } from '../../../events/catalog';
import { type TimelineEntry } from '../../schemas/delinquency.schema';

export interface Acted {
  entries: TimelineEntry[];
  events: IntegrationEvent[];
  /** The delinquency's status after the step, when the step ends the road. */
  closesAs?: 'handed_off' | 'written_off';
  /** The send could not happen because the debt was settled meanwhile. */
  settled?: boolean;
  /** Another attempt holds the step's send claim: the step is not done; decide again at this time. */
  retryAt?: Date;
}

/** When a step is acted on, and what is owed then with the step's own fee. */
export interface DueStep {
  now: Date;
  balance: number;
  fee: number;
}
