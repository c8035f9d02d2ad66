// SNS in a module of its own, so its SDK client loads only when a function first sends a text message.
import { SNSClient } from '@aws-sdk/client-sns';
import { SnsSmsSender } from '../../adapters/aws/sns-sms-sender';

export const createSnsSmsSender = (): SnsSmsSender => new SnsSmsSender(new SNSClient({}));
