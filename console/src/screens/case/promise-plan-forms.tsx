// Record what the customer agreed: a promise to pay an amount by a date, or a plan of instalments summing to the
// balance. Amounts are typed in major units and sent as exact minor units.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { Problem } from '../../components/problem';
import { money, parseMajor } from '../../format';
import { describedBy, Field } from './field';
import { useAction } from './use-action';

/** A typed amount as minor units, or the words of why it is not one (shown before anything is sent). */
const amountOf = (text: string, currency: string): number | null => parseMajor(text, currency);

export const PromiseForm = (props: { caseId: string; currency: string; after: () => Promise<void> }) => {
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const [typo, setTypo] = useState<string | undefined>();
  const action = useAction(
    (minor: number) => api.post(`/v1/delinquencies/${props.caseId}/promises`, { amount: minor, date }),
    props.after,
  );
  const amountError = typo ?? action.field('amount');
  return (
    <form
      class="action-form"
      aria-labelledby="promise-form-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const minor = amountOf(amount, props.currency);
        if (minor === null) {
          setTypo(`must be an amount in ${props.currency}, such as 125.50`);
          return;
        }
        setTypo(undefined);
        if (await action.run(minor)) {
          setAmount('');
          setDate('');
        }
      }}
    >
      <h3 id="promise-form-heading">Record a promise to pay</h3>
      <div class="row">
        <Field id="promise-amount" label={`Amount (${props.currency})`} error={amountError}>
          <input
            id="promise-amount"
            inputMode="decimal"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
            {...describedBy('promise-amount', amountError)}
          />
        </Field>
        <Field id="promise-date" label="By (date)" error={action.field('date')}>
          <input
            id="promise-date"
            type="date"
            value={date}
            onInput={(e) => setDate(e.currentTarget.value)}
            {...describedBy('promise-date', action.field('date'))}
          />
        </Field>
      </div>
      <Problem error={action.error} />
      <button type="submit" disabled={action.pending}>
        Record promise
      </button>
    </form>
  );
};

interface Row {
  dueDate: string;
  amount: string;
}

export const PlanForm = (props: { caseId: string; currency: string; balance: number; after: () => Promise<void> }) => {
  const [rows, setRows] = useState<Row[]>([
    { dueDate: '', amount: '' },
    { dueDate: '', amount: '' },
  ]);
  const [typo, setTypo] = useState<string | undefined>();
  const action = useAction(
    (installments: { dueDate: string; amount: number }[]) =>
      api.post(`/v1/delinquencies/${props.caseId}/payment-plan`, { installments }),
    props.after,
  );
  const update = (index: number, field: keyof Row, value: string) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, [field]: value } : row)));
  return (
    <form
      class="action-form"
      aria-labelledby="plan-form-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const installments = rows.map((row) => ({
          dueDate: row.dueDate,
          amount: amountOf(row.amount, props.currency),
        }));
        if (installments.some((row) => row.amount === null)) {
          setTypo(`every instalment needs an amount in ${props.currency}`);
          return;
        }
        setTypo(undefined);
        await action.run(installments as { dueDate: string; amount: number }[]);
      }}
    >
      <h3 id="plan-form-heading">Agree a payment plan</h3>
      <p class="muted">The instalments must add up to the balance, {money(props.balance, props.currency)}.</p>
      {rows.map((row, index) => (
        <fieldset key={index} class="row">
          <legend>Instalment {index + 1}</legend>
          <Field id={`plan-${index}-date`} label="Due" error={action.field(`installments.${index}.dueDate`)}>
            <input
              id={`plan-${index}-date`}
              type="date"
              value={row.dueDate}
              onInput={(e) => update(index, 'dueDate', e.currentTarget.value)}
            />
          </Field>
          <Field
            id={`plan-${index}-amount`}
            label={`Amount (${props.currency})`}
            error={action.field(`installments.${index}.amount`)}
          >
            <input
              id={`plan-${index}-amount`}
              inputMode="decimal"
              value={row.amount}
              onInput={(e) => update(index, 'amount', e.currentTarget.value)}
            />
          </Field>
        </fieldset>
      ))}
      <div class="row">
        <button type="button" class="secondary" onClick={() => setRows([...rows, { dueDate: '', amount: '' }])}>
          Add an instalment
        </button>
        {rows.length > 1 ? (
          <button type="button" class="secondary" onClick={() => setRows(rows.slice(0, -1))}>
            Remove the last
          </button>
        ) : null}
      </div>
      {typo ? (
        <p class="problem" role="alert">
          {typo}
        </p>
      ) : null}
      <Problem error={action.error} />
      <button type="submit" disabled={action.pending}>
        Agree plan
      </button>
    </form>
  );
};
