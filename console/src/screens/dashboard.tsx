// The managers' Dashboard: aging, the monthly KPI trends, promises kept, roll rates and recovery by collector for a
// period of months (in the address, so a reload or a shared link shows the same), each table downloadable as CSV.
import { useState } from 'preact/hooks';
import type { AgingReport } from '../api-types';
import { calendarDate } from '../format';
import { Loading } from '../components/loading';
import { Page } from '../components/page';
import { Problem } from '../components/problem';
import { navigate } from '../router';
import { useResource } from '../use-resource';
import { AgingSection } from './dashboard/aging-section';
import { defaultPeriod, isMonth, MAX_PERIOD_MONTHS, periodProblem, type Period } from './dashboard/period';
import { PromisesSection } from './dashboard/promises-section';
import { RecoverySection } from './dashboard/recovery-section';
import { RollRatesSection } from './dashboard/roll-rates-section';
import { TrendsSection } from './dashboard/trends-section';
import { useDashboard } from './dashboard/use-dashboard';
import type { ScreenProps } from './screen';
import './dashboard.css';

const PeriodPicker = (props: { period: Period; today: string }) => {
  const [from, setFrom] = useState(props.period.from);
  const [to, setTo] = useState(props.period.to);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const wanted = { from, to };
    const found = periodProblem(wanted, props.today);
    setProblem(found);
    if (!found) navigate('/dashboard', wanted);
  };
  const thisMonth = props.today.slice(0, 7);
  return (
    <form class="filters period-picker" onSubmit={submit} noValidate aria-describedby="period-hint">
      <div>
        <label for="period-from">From month</label>
        <input
          id="period-from"
          type="month"
          value={from}
          max={thisMonth}
          required
          aria-invalid={problem ? 'true' : undefined}
          onInput={(event) => setFrom(event.currentTarget.value)}
        />
      </div>
      <div>
        <label for="period-to">To month</label>
        <input
          id="period-to"
          type="month"
          value={to}
          max={thisMonth}
          required
          aria-invalid={problem ? 'true' : undefined}
          onInput={(event) => setTo(event.currentTarget.value)}
        />
      </div>
      <button type="submit">Show</button>
      <p id="period-hint" class="muted period-hint">
        Up to {MAX_PERIOD_MONTHS} months; the current month counts up to today ({calendarDate(props.today)}).
      </p>
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
};

export const DashboardScreen = (props: ScreenProps) => {
  // Today is the tenant's, as the reports API counts days: today's aging names it.
  const today = useResource<AgingReport>('/v1/reports/aging');
  const todayDate = today.data?.asOf ?? null;
  const asked = { from: props.query.get('from'), to: props.query.get('to') };
  const period: Period | null = !todayDate
    ? null
    : isMonth(asked.from) && isMonth(asked.to) && !periodProblem({ from: asked.from, to: asked.to }, todayDate)
      ? { from: asked.from, to: asked.to }
      : defaultPeriod(todayDate);
  const { data, error, loading } = useDashboard(period, todayDate, today.data);
  const shown = data && period && data.period.from === period.from && data.period.to === period.to ? data : null;
  return (
    <Page title="Dashboard">
      <Problem error={today.error ?? error} />
      {period && todayDate ? (
        <PeriodPicker key={`${period.from}..${period.to}`} period={period} today={todayDate} />
      ) : null}
      {today.loading || loading ? <Loading what="the reports" /> : null}
      {shown ? (
        <div class="dashboard" data-period={`${shown.period.from}..${shown.period.to}`}>
          <AgingSection aging={shown.aging} />
          <TrendsSection data={shown} />
          <PromisesSection data={shown} />
          <RollRatesSection data={shown} />
          <RecoverySection data={shown} />
        </div>
      ) : null}
    </Page>
  );
};
