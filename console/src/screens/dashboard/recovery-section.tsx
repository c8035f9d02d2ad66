// Recovery by collector over the whole period: past-due money each collector's debts brought in (net of refunds), what
// they collected in all, and the recovery rate, per currency; unassigned debts last.
import { calendarDate } from '../../format';
import { compactMoney } from './aging-section';
import { BarChart } from './bar-chart';
import { DataTable, type Column } from './data-table';
import { percent } from './figures';
import type { DashboardData } from './use-dashboard';

const UNASSIGNED = 'unassigned';

const columns: Column[] = [
  { key: 'name', label: 'Collector', kind: 'text' },
  { key: 'collector', label: 'Collector id', kind: 'text' },
  { key: 'currency', label: 'Currency', kind: 'text' },
  { key: 'recovered', label: 'Recovered (past due)', kind: 'money' },
  { key: 'collected', label: 'Collected in all', kind: 'money' },
  { key: 'pastDue', label: 'Still past due at the end', kind: 'money' },
  { key: 'recoveryRate', label: 'Recovery rate', kind: 'percent' },
];

export const RecoverySection = (props: { data: DashboardData }) => {
  const { byCollector, collectorNames, period } = props.data;
  const nameOf = (id: string) => (id === UNASSIGNED ? 'Unassigned' : (collectorNames[id] ?? id));
  const collectors = Object.keys(byCollector.groups ?? {}).sort((a, b) =>
    a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : nameOf(a).localeCompare(nameOf(b)),
  );
  const rows = collectors.flatMap((collector) =>
    Object.entries(byCollector.groups?.[collector]?.currencies ?? {}).map(([currency, figures]) => ({
      collector,
      currency,
      figures,
    })),
  );
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  return (
    <section aria-labelledby="recovery-title">
      <h2 id="recovery-title">Recovery by collector</h2>
      <div class="chart-row">
        <div class="chart-cell">
          <h3>Recovery rate</h3>
          <BarChart
            label="Recovery rate by collector and currency over the period"
            categories={collectors.map(nameOf)}
            series={currencies.map((currency) => ({
              name: currency,
              values: collectors.map(
                (collector) => byCollector.groups?.[collector]?.currencies[currency]?.recoveryRate ?? null,
              ),
            }))}
            format={percent}
          />
        </div>
        {currencies.map((currency) => (
          <div key={currency} class="chart-cell">
            <h3>Recovered in {currency}</h3>
            <BarChart
              label={`Past-due money recovered in ${currency} by collector over the period`}
              categories={collectors.map(nameOf)}
              series={[
                {
                  name: currency,
                  values: collectors.map(
                    (collector) => byCollector.groups?.[collector]?.currencies[currency]?.recovered ?? null,
                  ),
                },
              ]}
              format={(value) => compactMoney(value, currency)}
            />
          </div>
        ))}
      </div>
      <DataTable
        id="recovery-table"
        caption={`Recovery by collector, ${calendarDate(byCollector.from)} to ${calendarDate(byCollector.to)}`}
        filename={`recovery-by-collector-${period.from}-to-${period.to}.csv`}
        columns={columns}
        rows={rows.map(({ collector, currency, figures }) => ({
          key: `${collector}-${currency}`,
          currency,
          values: {
            name: nameOf(collector),
            collector,
            currency,
            recovered: figures.recovered,
            collected: figures.collected,
            pastDue: figures.receivables.endingPastDue,
            recoveryRate: figures.recoveryRate,
          },
        }))}
      />
    </section>
  );
};
