// Previews a ladder on a sample invoice with the tenant's own settings: what the engine would do and when, writing nothing.
import { localParts } from '../domain/calendar';
import { stepFee } from '../domain/charges';
import { contactHoursOf } from '../domain/contact-policy';
import { formatHours } from '../domain/contact-window';
import { timeSteps } from '../domain/step-timing';
import type { TenantDirectory } from '../ports/tenant-directory.port';
import type { PreviewStep, PreviewStrategyBody, StrategyPreview } from '../schemas/strategy-preview.schema';
import type { Step } from '../schemas/strategy.schema';
import { defaultTenantSettings } from '../schemas/tenant.schema';

export interface StrategyPreviewDeps {
  tenants: Pick<TenantDirectory, 'getTenant'>;
}

type Sample = PreviewStrategyBody['sample'];

/** What the step's fee would charge on the sample, when the sample names an amount and a currency. */
const feeOn = (step: Step, sample: Sample): PreviewStep['fee'] => {
  if (!step.fee || sample.amount === undefined || sample.currency === undefined) return undefined;
  const computed = stepFee(step.fee, sample.amount, sample.currency);
  if ('skipped' in computed) return { skipped: computed.skipped };
  return {
    amount: computed.amount,
    currency: sample.currency,
    rule: computed.inputs.rule === 'percent-fee' ? 'percent-fee' : 'fixed-fee',
  };
};

const hhmm = (instant: Date, zone: string) => {
  const parts = localParts(instant, zone);
  return { date: parts.date, time: `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}` };
};

export const previewStrategy = async (
  deps: StrategyPreviewDeps,
  tenantId: string,
  body: PreviewStrategyBody,
): Promise<StrategyPreview> => {
  const stored = await deps.tenants.getTenant(tenantId);
  const settings = {
    sendTime: stored?.sendTime ?? defaultTenantSettings.sendTime,
    ...(stored?.quietHours ? { quietHours: stored.quietHours } : {}),
  };
  const { sample } = body;
  const steps = timeSteps(body.strategy.steps, sample.dueDate, sample.timeZone, settings).map((timing) => {
    const local = timing.at ? hhmm(timing.at, sample.timeZone) : null;
    const fee = feeOn(timing.step, sample);
    return {
      id: timing.step.id,
      channel: timing.step.channel,
      offsetDays: timing.step.offsetDays,
      at: timing.at?.toISOString() ?? null,
      localDate: local?.date ?? null,
      localTime: local?.time ?? null,
      zone: sample.timeZone,
      scheduledAt: timing.scheduledAt.toISOString(),
      ...(timing.movedBy ? { movedBy: timing.movedBy } : {}),
      ...(timing.notSent ? { notSent: timing.notSent } : {}),
      ...(fee ? { fee } : {}),
    };
  });
  return { sendTime: settings.sendTime, contactHours: formatHours(contactHoursOf(settings)), steps };
};
