// Everything the dashboard shows for one period, read from the reports API in one go: the aging at the period's end, the
// KPIs of each month (one call per month, side by side), the whole period's KPIs per collector, and the collectors'
// names. A period replaced while its answers are on their way is dropped, so the screen never mixes two periods.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import type { AgingReport, CollectorList, KpiReport } from '../../api-types';
import { periodDays, periodMonths, type Period } from './period';

export interface DashboardData {
  period: Period;
  aging: AgingReport;
  months: { month: string; report: KpiReport }[];
  byCollector: KpiReport;
  collectorNames: Record<string, string>;
}

const load = async (period: Period, today: string, agingToday: AgingReport): Promise<DashboardData> => {
  const whole = periodDays(period, today);
  const months = periodMonths(period, today);
  const [aging, monthly, byCollector, collectors] = await Promise.all([
    whole.to === agingToday.asOf ? agingToday : api.get<AgingReport>('/v1/reports/aging', { asOf: whole.to }),
    Promise.all(
      months.map(async (span) => ({
        month: span.month,
        report: await api.get<KpiReport>('/v1/reports/kpis', { from: span.from, to: span.to }),
      })),
    ),
    api.get<KpiReport>('/v1/reports/kpis', { ...whole, by: 'collector' }),
    api.get<CollectorList>('/v1/collectors'),
  ]);
  return {
    period,
    aging,
    months: monthly,
    byCollector,
    collectorNames: Object.fromEntries(collectors.items.map((collector) => [collector.id, collector.name])),
  };
};

export const useDashboard = (period: Period | null, today: string | null, agingToday: AgingReport | null) => {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const key = period && today ? `${period.from}..${period.to}@${today}` : null;
  useEffect(() => {
    if (!period || !today || !agingToday) return;
    let current = true;
    setLoading(true);
    load(period, today, agingToday)
      .then((answer) => {
        if (!current) return;
        setData(answer);
        setError(null);
      })
      .catch((caught: Error) => current && setError(caught))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key]);
  return { data, error, loading };
};
