// Aging at the period's end: what is owed by days past due, one chart per currency (amounts of two currencies are not
// drawn on one scale) and one table for all of them.
import type { AgingReport } from '../../api-types';
import { minorToDecimal, readerLocale, calendarDate } from '../../format';
import { BarChart } from './bar-chart';
import { DataTable, type Column } from './data-table';

export const BUCKETS = ['current', '1-30', '31-60', '61-90', '91+'] as const;
const BUCKET_LABELS: Record<(typeof BUCKETS)[number], string> = {
  current: 'Current',
  '1-30': '1–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '91+': '91+ days',
};

/** A chart's label for an amount: short ("NOK 12K"), since the table holds it to the minor unit. */
export const compactMoney = (amount: number, currency: string): string =>
  new Intl.NumberFormat(readerLocale(), { style: 'currency', currency, notation: 'compact' }).format(
    Number(minorToDecimal(amount, currency)),
  );

const columns: Column[] = [
  { key: 'currency', label: 'Currency', kind: 'text' },
  ...BUCKETS.map((bucket): Column => ({ key: bucket, label: BUCKET_LABELS[bucket], kind: 'money' })),
  { key: 'total', label: 'Total', kind: 'money' },
];

export const AgingSection = (props: { aging: AgingReport }) => {
  const currencies = Object.entries(props.aging.currencies);
  const asOf = props.aging.asOf;
  return (
    <section aria-labelledby="aging-title">
      <h2 id="aging-title">Aging on {calendarDate(asOf)}</h2>
      <div class="chart-row">
        {currencies.map(([currency, row]) => (
          <div key={currency} class="chart-cell">
            <h3>{currency}</h3>
            <BarChart
              label={`Aging in ${currency} by days past due`}
              categories={BUCKETS.map((bucket) => BUCKET_LABELS[bucket])}
              series={[{ name: currency, values: BUCKETS.map((bucket) => row[bucket]) }]}
              format={(value) => compactMoney(value, currency)}
            />
          </div>
        ))}
      </div>
      <DataTable
        id="aging-table"
        caption={`Aging by currency on ${calendarDate(asOf)}`}
        filename={`aging-${asOf}.csv`}
        columns={columns}
        rows={currencies.map(([currency, row]) => ({
          key: currency,
          currency,
          values: { currency, ...row },
        }))}
      />
    </section>
  );
};
