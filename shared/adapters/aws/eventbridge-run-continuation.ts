// Hands the rest of a reminder run to its next turn: one engine event on the bus, which a rule delivers to the run.
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { RunContinuation, RunTurnRef } from '../../ports/run-continuation.port';

/**
 * The hand-over event on the Arrears bus; a rule sends it back to the run. Its source is the engine's own, so partners'
 * rules on integration events never see it.
 */
export const RUN_CONTINUES_EVENT = { source: 'arrears.engine', detailType: 'ReminderRunContinues' } as const;

export class EventBridgeRunContinuation implements RunContinuation {
  constructor(
    private readonly client: Pick<EventBridgeClient, 'send'>,
    private readonly busName: string,
  ) {}

  async continueRun(next: RunTurnRef): Promise<void> {
    const result = await this.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: RUN_CONTINUES_EVENT.source,
            DetailType: RUN_CONTINUES_EVENT.detailType,
            Detail: JSON.stringify(next),
          },
        ],
      }),
    );
    if (result.FailedEntryCount)
      throw new Error(
        `EventBridge refused the run's continuation: ${result.Entries?.[0]?.ErrorCode ?? 'unknown error'}`,
      );
  }
}
