// The timeline entries a pass writes: its own dated entries, and the one stable note of a send whose fate is unknown.
import { newId, stableId } from '../../domain/ids';
import type { TimelineKind } from '../../domain/timeline-catalog';
import { type TimelineEntry } from '../../schemas/delinquency.schema';

export const entry = (
  at: Date,
  kind: TimelineKind,
  detail: string,
  extra: Partial<TimelineEntry> = {},
): TimelineEntry => ({
  id: newId('tl', at),
  at: at.toISOString(),
  kind,
  actor: 'execution',
  detail,
  ...extra,
});

/**
 * At most once: whatever a dead attempt did stays done; the collector sees the doubt on the timeline, in one entry
 * (dated at the claim, with a stable id) however many passes find it.
 */
export const unknownEntry = (
  delinquencyId: string,
  stepId: string,
  channel: string,
  label: string,
  since: string,
): TimelineEntry => ({
  ...entry(
    new Date(since),
    'reminder.unknown',
    `${channel} "${label}": an attempt claimed it at ${since} and died before recording the provider's answer; not resent`,
    { stepId, channel, rule: 'send.at-most-once' },
  ),
  // One entry per claim: a step may have been claimed on two channels (an email that fell back to a text).
  id: stableId('tl', delinquencyId, 'unknown', stepId, channel),
});
