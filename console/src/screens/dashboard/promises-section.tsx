// Promises to pay decided each month, per currency: how many were kept and how much of what was promised came in.
import { BarChart } from './bar-chart';
import { DataTable, type Column } from './data-table';
import { monthName, percent, shortMonthName } from './figures';
import { monthlyRows, seriesByCurrency } from './monthly';
import type { DashboardData } from './use-dashboard';

const columns: Column[] = [
  { key: 'month', label: 'Month', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'decided', label: 'Promises decided', kind: 'count' },
  { key: 'kept', label: 'Kept', kind: 'count' },
  { key: 'keptRateCount', label: 'Kept rate (count)', kind: 'percent' },
  { key: 'promised', label: 'Promised', kind: 'money' },
  { key: 'paid', label: 'Paid towards them', kind: 'money' },
  { key: 'keptRateAmount', label: 'Kept rate (amount)', kind: 'percent' },
];

export const PromisesSection = (props: { data: DashboardData }) => {
  const { months, period } = props.data;
  const rows = monthlyRows(months);
  return (
    <section aria-labelledby="promises-title">
      <h2 id="promises-title">Promises kept</h2>
      <div class="chart-row">
        <div class="chart-cell">
          <h3>Kept rate by count</h3>
          <BarChart
            label="Promise-kept rate by count, by month and currency"
            categories={months.map(({ month }) => shortMonthName(month))}
            series={seriesByCurrency(months, rows, (figures) => figures.promises.keptRate.count)}
            format={percent}
          />
        </div>
        <div class="chart-cell">
          <h3>Kept rate by amount</h3>
          <BarChart
            label="Promise-kept rate by amount, by month and currency"
            categories={months.map(({ month }) => shortMonthName(month))}
            series={seriesByCurrency(months, rows, (figures) => figures.promises.keptRate.amount)}
            format={percent}
          />
        </div>
      </div>
      <DataTable
        id="promises-table"
        caption="Promises decided and kept by month"
        filename={`promises-by-month-${period.from}-to-${period.to}.csv`}
        columns={columns}
        rows={rows.map(({ month, currency, figures }) => ({
          key: `${month}-${currency}`,
          currency,
          labels: { month: monthName(month) },
          values: {
            month,
            currency,
            decided: figures.promises.decided,
            kept: figures.promises.kept,
            keptRateCount: figures.promises.keptRate.count,
            promised: figures.promises.promised,
            paid: figures.promises.paid,
            keptRateAmount: figures.promises.keptRate.amount,
          },
        }))}
      />
    </section>
  );
};
