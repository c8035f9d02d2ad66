// DSO, best possible DSO, average days delinquent and CEI month by month, per currency: a chart each and one table.
import type { KpiFigures } from '../../api-types';
import { BarChart } from './bar-chart';
import { DataTable, type Column } from './data-table';
import { days, monthName, percent, shortMonthName } from './figures';
import { monthlyRows, seriesByCurrency } from './monthly';
import type { DashboardData } from './use-dashboard';

const CHARTS: { title: string; pick: (figures: KpiFigures) => number | null; format: (value: number) => string }[] = [
  { title: 'DSO (count-back), days', pick: (figures) => figures.dso, format: days },
  { title: 'Best possible DSO, days', pick: (figures) => figures.bestPossibleDso, format: days },
  { title: 'Average days delinquent', pick: (figures) => figures.averageDaysDelinquent, format: days },
  { title: 'Collection effectiveness index (CEI)', pick: (figures) => figures.cei, format: percent },
];

const columns: Column[] = [
  { key: 'month', label: 'Month', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'dso', label: 'DSO (days)', kind: 'days' },
  { key: 'bestPossibleDso', label: 'Best possible DSO (days)', kind: 'days' },
  { key: 'averageDaysDelinquent', label: 'Average days delinquent', kind: 'days' },
  { key: 'cei', label: 'CEI', kind: 'percent' },
  { key: 'creditSales', label: 'Credit sales', kind: 'money' },
  { key: 'collected', label: 'Collected', kind: 'money' },
  { key: 'receivables', label: 'Receivables at month end', kind: 'money' },
];

export const TrendsSection = (props: { data: DashboardData }) => {
  const { months, period } = props.data;
  const rows = monthlyRows(months);
  const categories = months.map(({ month }) => shortMonthName(month));
  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">Trends by month</h2>
      <div class="chart-row">
        {CHARTS.map((chart) => (
          <div key={chart.title} class="chart-cell">
            <h3>{chart.title}</h3>
            <BarChart
              label={`${chart.title} by month and currency`}
              categories={categories}
              series={seriesByCurrency(months, rows, chart.pick)}
              format={chart.format}
            />
          </div>
        ))}
      </div>
      <DataTable
        id="trends-table"
        caption="DSO, best possible DSO, average days delinquent and CEI by month"
        filename={`kpis-by-month-${period.from}-to-${period.to}.csv`}
        columns={columns}
        rows={rows.map(({ month, currency, figures }) => ({
          key: `${month}-${currency}`,
          currency,
          labels: { month: monthName(month) },
          values: {
            month,
            currency,
            dso: figures.dso,
            bestPossibleDso: figures.bestPossibleDso,
            averageDaysDelinquent: figures.averageDaysDelinquent,
            cei: figures.cei,
            creditSales: figures.creditSales,
            collected: figures.collected,
            receivables: figures.receivables.ending,
          },
        }))}
      />
    </section>
  );
};
