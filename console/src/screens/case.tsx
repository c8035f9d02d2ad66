// The Case screen (#/cases/:id): one delinquency whole — the customer, every invoice's breakdown, where it stands and
// why it ranks where it does, the contact window per channel now, its timeline — and every action on it.
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { useSession } from '../session-context';
import type { ScreenProps } from './screen';
import { CaseTasks } from './case/case-tasks';
import { ContactForm } from './case/contact-form';
import { ContactWindows } from './case/contact-windows';
import { CustomerCard } from './case/customer-card';
import { DecideDisputeForm, OpenDisputeForm } from './case/dispute-forms';
import { InvoiceTable } from './case/invoice-table';
import { CloseForm, HoldForm, ReassignForm } from './case/manage-forms';
import { PlanForm, PromiseForm } from './case/promise-plan-forms';
import { CaseSummary } from './case/summary';
import { Timeline } from './case/timeline';
import { useCaseData } from './case/use-case-data';
import './case/case.css';

const CLOSED = ['resolved', 'handed_off', 'written_off'];

export const CaseScreen = (props: ScreenProps) => {
  const { person } = useSession();
  const manager = person.role === 'manager';
  const caseId = props.params.id ?? '';
  const { data, error, reload } = useCaseData(caseId, manager);
  if (!data) {
    return (
      <Page title="Case">
        {error ? <Problem error={error} label="The case could not be read." /> : <Loading what="the case" />}
      </Page>
    );
  }
  const { view, customer, invoices, windows, collectors } = data;
  const zone = customer.timeZone;
  const names: Record<string, string> = { [person.username]: person.name };
  for (const collector of collectors) names[collector.id] = collector.name;
  const open = !CLOSED.includes(view.status);
  const openDisputes = view.disputes.filter((dispute) => dispute.status === 'open');
  return (
    <Page title={`Case of ${customer.name}`}>
      <p class="muted case-id">
        Case {view.id} · opened {view.openedAt.slice(0, 10)} · times in the customer’s zone ({zone})
      </p>
      {error ? <Problem error={error} label="The case could not be read again." /> : null}
      <div class="case-layout">
        <div class="case-main">
          <CaseSummary view={view} zone={zone} names={names} />
          <section class="card" aria-labelledby="invoices-heading">
            <h2 id="invoices-heading">Invoices</h2>
            <InvoiceTable invoices={invoices} caption="What is owed on each invoice of the case" />
          </section>
          <CaseTasks tasks={view.tasks} zone={zone} names={names} after={reload} />
          {open ? (
            <section class="card" aria-labelledby="actions-heading">
              <h2 id="actions-heading">Actions</h2>
              <ContactForm caseId={view.id} zone={zone} after={reload} />
              {view.status === 'active' ? (
                <>
                  <PromiseForm caseId={view.id} currency={view.currency} after={reload} />
                  <PlanForm caseId={view.id} currency={view.currency} balance={view.balance} after={reload} />
                </>
              ) : null}
              {openDisputes.length === 0 ? <OpenDisputeForm caseId={view.id} after={reload} /> : null}
              {openDisputes.map((dispute) => (
                <DecideDisputeForm
                  key={dispute.id}
                  dispute={dispute}
                  currency={view.currency}
                  zone={zone}
                  names={names}
                  after={reload}
                />
              ))}
              {view.status === 'active' || view.status === 'paused' ? <HoldForm view={view} after={reload} /> : null}
              {manager ? (
                <>
                  <ReassignForm
                    key={view.assigneeId ?? ''}
                    caseId={view.id}
                    assigneeId={view.assigneeId}
                    collectors={collectors}
                    after={reload}
                  />
                  <CloseForm caseId={view.id} after={reload} />
                </>
              ) : null}
            </section>
          ) : null}
        </div>
        <div class="case-side">
          <CustomerCard customer={customer} link />
          <ContactWindows windows={windows} zone={zone} />
          <Timeline entries={view.timeline} zone={zone} names={names} />
        </div>
      </div>
    </Page>
  );
};
