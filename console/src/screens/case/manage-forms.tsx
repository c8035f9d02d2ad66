// What changes who works a case and whether it escalates: reassign (managers), hold and release, and a write-off or
// hand-off by hand with a reason (managers).
import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { CaseView, CollectorList } from '../../api-types';
import { Problem } from '../../components/problem';
import { describedBy, Field } from './field';
import { useAction } from './use-action';

export const ReassignForm = (props: {
  caseId: string;
  assigneeId: string | null;
  collectors: CollectorList['items'];
  after: () => Promise<void>;
}) => {
  const [collectorId, setCollectorId] = useState(props.assigneeId ?? '');
  const action = useAction(
    () => api.put(`/v1/delinquencies/${props.caseId}/assignee`, { collectorId: collectorId || null }),
    props.after,
  );
  return (
    <form
      class="action-form"
      aria-labelledby="reassign-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        await action.run();
      }}
    >
      <h3 id="reassign-heading">Reassign</h3>
      <Field id="reassign-collector" label="Collector" error={action.field('collectorId')}>
        <select id="reassign-collector" value={collectorId} onChange={(e) => setCollectorId(e.currentTarget.value)}>
          <option value="">Nobody (unassigned)</option>
          {props.collectors.map((collector) => (
            <option key={collector.id} value={collector.id}>
              {collector.name} ({collector.openCount} open{collector.active ? '' : ', inactive'})
            </option>
          ))}
        </select>
      </Field>
      <Problem error={action.error} />
      <button type="submit" disabled={action.pending}>
        Reassign
      </button>
    </form>
  );
};

export const HoldForm = (props: { view: CaseView; after: () => Promise<void> }) => {
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const hold = useAction(
    () => api.post(`/v1/delinquencies/${props.view.id}/hold`, { reason, ...(until ? { until } : {}) }),
    props.after,
  );
  const release = useAction(() => api.post(`/v1/delinquencies/${props.view.id}/release`, {}), props.after);
  if (props.view.status === 'paused') {
    return (
      <div class="action-form">
        <h3>On hold</h3>
        <Problem error={release.error} />
        <button type="button" disabled={release.pending} onClick={() => void release.run()}>
          Release the hold
        </button>
      </div>
    );
  }
  return (
    <form
      class="action-form"
      aria-labelledby="hold-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await hold.run()) {
          setReason('');
          setUntil('');
        }
      }}
    >
      <h3 id="hold-heading">Put on hold</h3>
      <Field id="hold-reason" label="Reason" error={hold.field('reason')}>
        <input
          id="hold-reason"
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          {...describedBy('hold-reason', hold.field('reason'))}
        />
      </Field>
      <Field id="hold-until" label="Until (optional; otherwise until released)" error={hold.field('until')}>
        <input
          id="hold-until"
          type="date"
          value={until}
          onInput={(e) => setUntil(e.currentTarget.value)}
          {...describedBy('hold-until', hold.field('until'))}
        />
      </Field>
      <Problem error={hold.error} />
      <button type="submit" disabled={hold.pending}>
        Put on hold
      </button>
    </form>
  );
};

export const CloseForm = (props: { caseId: string; after: () => Promise<void> }) => {
  const [how, setHow] = useState<'write-off' | 'hand-off'>('hand-off');
  const [reason, setReason] = useState('');
  const [agency, setAgency] = useState('');
  const action = useAction(
    () =>
      api.post(`/v1/delinquencies/${props.caseId}/${how}`, {
        reason,
        ...(how === 'hand-off' && agency.trim() ? { agency } : {}),
      }),
    props.after,
  );
  return (
    <form
      class="action-form"
      aria-labelledby="close-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        await action.run();
      }}
    >
      <h3 id="close-heading">End the ladder by hand</h3>
      <fieldset>
        <legend>How</legend>
        <label class="choice">
          <input type="radio" name="close-how" checked={how === 'hand-off'} onChange={() => setHow('hand-off')} /> Hand
          off to a collection agency
        </label>
        <label class="choice">
          <input type="radio" name="close-how" checked={how === 'write-off'} onChange={() => setHow('write-off')} />{' '}
          Write off
        </label>
      </fieldset>
      <Field id="close-reason" label="Reason" error={action.field('reason')}>
        <input
          id="close-reason"
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          {...describedBy('close-reason', action.field('reason'))}
        />
      </Field>
      {how === 'hand-off' ? (
        <Field id="close-agency" label="Agency (optional)" error={action.field('agency')}>
          <input id="close-agency" value={agency} onInput={(e) => setAgency(e.currentTarget.value)} />
        </Field>
      ) : null}
      <Problem error={action.error} />
      <button type="submit" class="danger" disabled={action.pending}>
        {how === 'hand-off' ? 'Hand off' : 'Write off'}
      </button>
    </form>
  );
};
