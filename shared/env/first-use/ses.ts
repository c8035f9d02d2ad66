// SES in a module of its own, so its SDK client loads only when a function first sends an email.
import { SESClient } from '@aws-sdk/client-ses';
import { SesEmailSender } from '../../adapters/aws/ses-email-sender';

export const createSesEmailSender = (configurationSetName: string): SesEmailSender =>
  new SesEmailSender(new SESClient({}), configurationSetName);
