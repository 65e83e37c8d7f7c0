// The two pictures of the board: open tickets per agent against capacity, and how many open tickets
// reach their resolution due time in each of the next hours.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, type ChartSeries } from './BarChart';
import type { Workload } from './workload';

export function WorkloadCharts({ workload, nowMs }: { workload: Workload; nowMs: number }) {
  const { t, i18n } = useTranslation('supervisor');
  // Charts are rebuilt only when their numbers change (keys by value), not on every live-query tick.
  const agentKey = workload.agents.map((l) => `${l.agent.id}:${l.open}:${l.agent.capacity}`).join('|');
  const perAgent = useMemo(() => ({
    categories: workload.agents.map((l) => l.agent.name),
    series: [
      { label: t('chart.openTickets'), values: workload.agents.map((l) => l.open), color: '--sb-accent' },
      { label: t('chart.capacity'), values: workload.agents.map((l) => l.agent.capacity), color: '--sb-warning', kind: 'points' },
    ] satisfies ChartSeries[],
  }), [agentKey, t]);

  const riskKey = workload.riskByHour.join(',');
  const hourFormat = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const minute = Math.floor(nowMs / 60_000);
  const risk = useMemo(() => ({
    categories: workload.riskByHour.map((_, h) => t('chart.hourSpan', {
      from: hourFormat.format(new Date((minute + h * 60) * 60_000)),
      to: hourFormat.format(new Date((minute + (h + 1) * 60) * 60_000)),
    })),
    series: [{ label: t('chart.dueTickets'), values: [...workload.riskByHour], color: '--sb-danger' }] satisfies ChartSeries[],
  }), [riskKey, minute, i18n.language, t]);

  return (
    <div className="sb-sup-charts">
      <BarChart title={t('chart.perAgent')} categoryLabel={t('board.agent')} categories={perAgent.categories} series={perAgent.series} />
      <BarChart title={t('chart.risk')} categoryLabel={t('chart.hour')} categories={risk.categories} series={risk.series} />
    </div>
  );
}
