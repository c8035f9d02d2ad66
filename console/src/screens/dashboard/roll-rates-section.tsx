// Roll rates month over month: of each past-due bucket's balance at a month's start, the share still owed at its end
// (over one month, what rolled into the next bucket); a chart per currency and one table.
import { BarChart } from './bar-chart';
import { DataTable, type Column } from './data-table';
import { monthName, percent, shortMonthName } from './figures';
import { currenciesOf, monthlyRows } from './monthly';
import type { DashboardData } from './use-dashboard';

const FROM_BUCKETS = ['1-30', '31-60', '61-90'] as const;
const NEXT_BUCKET: Record<(typeof FROM_BUCKETS)[number], string> = {
  '1-30': '31-60',
  '31-60': '61-90',
  '61-90': '91+',
};
const label = (bucket: string) => (bucket === '91+' ? '91+' : bucket.replace('-', '–'));

const columns: Column[] = [
  { key: 'month', label: 'Month', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'from', label: 'From (days past due)', kind: 'text' },
  { key: 'to', label: 'To (days past due)', kind: 'text' },
  { key: 'balance', label: 'Balance rolled', kind: 'percent' },
  { key: 'count', label: 'Invoices rolled', kind: 'percent' },
];

export const RollRatesSection = (props: { data: DashboardData }) => {
  const { months, period } = props.data;
  const rows = monthlyRows(months);
  return (
    <section aria-labelledby="rolls-title">
      <h2 id="rolls-title">Roll rates</h2>
      <div class="chart-row">
        {currenciesOf(rows).map((currency) => (
          <div key={currency} class="chart-cell">
            <h3>{currency}: balance rolled on</h3>
            <BarChart
              label={`Roll rates of the ${currency} balance by month, from each past-due bucket to the next`}
              categories={months.map(({ month }) => shortMonthName(month))}
              series={FROM_BUCKETS.map((bucket) => ({
                name: `${label(bucket)} → ${label(NEXT_BUCKET[bucket])} days`,
                values: months.map(({ report }) => report.currencies[currency]?.rollRates[bucket]?.balance ?? null),
              }))}
              format={percent}
            />
          </div>
        ))}
      </div>
      <DataTable
        id="rolls-table"
        caption="Roll rates by month: share of each bucket's balance and invoices at the month's start still owed at its end"
        filename={`roll-rates-by-month-${period.from}-to-${period.to}.csv`}
        columns={columns}
        rows={rows.flatMap(({ month, currency, figures }) =>
          FROM_BUCKETS.map((bucket) => {
            const roll = figures.rollRates[bucket];
            return {
              key: `${month}-${currency}-${bucket}`,
              labels: { month: monthName(month) },
              values: {
                month,
                currency,
                from: bucket,
                to: roll?.to ?? null,
                balance: roll?.balance ?? null,
                count: roll?.count ?? null,
              },
            };
          }),
        )}
      />
    </section>
  );
};
