// The local EventBridge for Step Functions' status-change events: what the deployed rule matches (an early end of a
// delinquency execution) reaches the same handler, delivered asynchronously on the runtime's timer queue.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import {
  EARLY_END_STATUSES,
  EXECUTION_STATUS_CHANGE,
  type ExecutionStatusChange,
} from '../functions/events/execution-status.events';
import type { ExecutionStatusEvent } from '../functions/events/execution-ended.handler';
import type { Clock } from '../shared/ports/clock.port';
import { lambdaContext } from './lambda-context';
import { LOCAL_ENVIRONMENT } from './synthesized-app';
import type { TimerQueue } from './timers';

export const deliverExecutionStatus =
  (timers: TimerQueue, clock: Clock, handler: (event: ExecutionStatusEvent, context: Context) => Promise<unknown>) =>
  (change: ExecutionStatusChange): void => {
    if (!(EARLY_END_STATUSES as readonly string[]).includes(change.status)) return;
    const event = {
      version: '0',
      id: randomUUID(),
      'detail-type': EXECUTION_STATUS_CHANGE.detailType,
      source: EXECUTION_STATUS_CHANGE.source,
      account: LOCAL_ENVIRONMENT.account,
      time: clock.now().toISOString(),
      region: LOCAL_ENVIRONMENT.region,
      resources: [change.executionArn],
      detail: change,
    } as ExecutionStatusEvent;
    timers.schedule(clock.now(), `execution ${change.name} ${change.status}`, async () => {
      await handler(event, lambdaContext('ExecutionEnded'));
    });
  };
