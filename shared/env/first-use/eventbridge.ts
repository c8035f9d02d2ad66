// EventBridge in a module of its own, so its SDK client loads only when a function first publishes.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher } from '../../adapters/aws/eventbridge-publisher';
import { EventBridgeRunContinuation } from '../../adapters/aws/eventbridge-run-continuation';

const client = (() => {
  let shared: EventBridgeClient | undefined;
  return () => (shared ??= new EventBridgeClient({}));
})();

export const createEventBridgePublisher = (busName: string): EventBridgePublisher =>
  new EventBridgePublisher(client(), busName);

export const createRunContinuation = (busName: string): EventBridgeRunContinuation =>
  new EventBridgeRunContinuation(client(), busName);
