// Runs in the renderer. The review's "Metrics" mode: is the method being kept, week by week or month by month? Five
// small charts — purpose confirmed, re-confirmed, next step agreed on the call (shares of the calls held), median days
// from a call to its next step, stalled deals — each with its latest figure, and every number in a table below (the
// charts' text alternative for anyone who would rather read than look). The core computed every figure.
import { useState } from 'react';
import type { MetricsView, PeriodMetrics } from '../../../../shared/rules/review-queries';
import { RadioGroupField } from '../../ui/fields';
import { BarChart } from '../charts/BarChart';
import { ModeHeader } from './ModeHeader';

type By = 'weeks' | 'months';

interface Metric {
  key: string;
  title: string;
  help: string;
  value: (p: PeriodMetrics) => number | null;
  /** For the table: the figure with what it is made of ("85% · 17 of 20"). */
  detail?: (p: PeriodMetrics) => string;
  format: (v: number) => string;
  /** The chart's top: 100% for shares, else the largest value (at least a small floor). */
  share: boolean;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;
const days = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} ${v === 1 ? 'day' : 'days'}`;

const METRICS: readonly Metric[] = [
  {
    key: 'confirmed',
    title: 'Purpose confirmed',
    help: 'Held calls where you confirmed the point of the call with them.',
    value: (p) => p.share.purposeConfirmed,
    detail: (p) => `${p.purposeConfirmed} of ${p.heldCalls}`,
    format: percent,
    share: true,
  },
  {
    key: 'reconfirmed',
    title: 'Re-confirmed',
    help: 'Held calls where you checked the point again partway through.',
    value: (p) => p.share.reconfirmed,
    detail: (p) => `${p.reconfirmed} of ${p.heldCalls}`,
    format: percent,
    share: true,
  },
  {
    key: 'agreed',
    title: 'Next step agreed on the call',
    help: 'Held calls that ended with a next step the prospect said yes to.',
    value: (p) => p.share.nextStepAgreed,
    detail: (p) => `${p.nextStepAgreed} of ${p.heldCalls}`,
    format: percent,
    share: true,
  },
  {
    key: 'median',
    title: 'Days to the next step',
    help: 'Median calendar days from a call to the date its next step was agreed for.',
    value: (p) => p.medianDaysToNextStep,
    format: days,
    share: false,
  },
  {
    key: 'held',
    title: 'Calls held',
    help: 'Calls that took place: what the shares above are out of.',
    value: (p) => p.heldCalls,
    format: String,
    share: false,
  },
  {
    key: 'stalled',
    title: 'Stalled deals',
    help: 'Open deals with nothing agreed ahead, when the period ended.',
    value: (p) => p.stalledThreads,
    format: String,
    share: false,
  },
];

/** The table has its own "Calls held" column, next to the period. */
const TABLE_METRICS: readonly Metric[] = METRICS.filter((m) => m.key !== 'held');

// Made on first use, not when the review's code is evaluated: that happens before Today's first paint, which shows
// neither (each Intl formatter costs a few ms in a new window).
let periodFormats: { weekDate: Intl.DateTimeFormat; monthYear: Intl.DateTimeFormat } | undefined;
const formats = () =>
  (periodFormats ??= {
    weekDate: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
    monthYear: new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' }),
  });
const toDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
};
/** "Week of Mar 2, 2026" / "Mar 2026": with the year, because a year of periods spans two. */
const periodLabel = (p: PeriodMetrics, by: By) =>
  by === 'weeks' ? `Week of ${formats().weekDate.format(toDate(p.start))}` : formats().monthYear.format(toDate(p.start));
const UNIT: Record<By, { one: string; current: string; previous: string }> = {
  weeks: { one: 'week', current: 'This week so far', previous: 'last week' },
  months: { one: 'month', current: 'This month so far', previous: 'last month' },
};

function describe(metric: Metric, periods: readonly PeriodMetrics[], by: By): string {
  const values = periods.map(metric.value).filter((v): v is number => v !== null);
  const range = `${periodLabel(periods[0]!, by)} to ${periodLabel(periods.at(-1)!, by)}`;
  if (values.length === 0) return `${metric.title} by ${UNIT[by].one}, ${range}: no calls held yet.`;
  const latest = metric.value(periods.at(-1)!);
  return `${metric.title} by ${UNIT[by].one}, ${range}: lowest ${metric.format(Math.min(...values))}, highest ${metric.format(Math.max(...values))}${
    latest === null ? '' : `, ${UNIT[by].current.toLowerCase()} ${metric.format(latest)}`
  }.`;
}

function MetricCard({ metric, periods, by }: { metric: Metric; periods: readonly PeriodMetrics[]; by: By }) {
  const values = periods.map(metric.value);
  const current = values.at(-1) ?? null;
  const previous = values.at(-2) ?? null;
  const top = metric.share ? 1 : Math.max(4, ...values.filter((v): v is number => v !== null));
  const id = `chart-${metric.key}-${by}`;
  return (
    <figure className="metric" aria-labelledby={`${id}-name`}>
      <figcaption className="metric__caption">
        <span id={`${id}-name`} className="metric__title">
          {metric.title}
        </span>
        <span className="metric__help">{metric.help}</span>
      </figcaption>
      <p className="metric__figure">
        <span className="metric__value">{current === null ? '—' : metric.format(current)}</span>
        <span className="metric__when">
          {UNIT[by].current}
          {previous !== null ? ` · ${UNIT[by].previous} ${metric.format(previous)}` : ''}
        </span>
      </p>
      <BarChart
        id={id}
        title={`${metric.title}, by ${UNIT[by].one}`}
        description={describe(metric, periods, by)}
        values={values}
        max={top}
        guides={metric.share ? [0.5, 1] : [top]}
        partialLast={periods.at(-1)?.partial ?? false}
      />
      <p className="metric__axis" aria-hidden="true">
        <span>{periodLabel(periods[0]!, by)}</span>
        <span>{periodLabel(periods.at(-1)!, by)}</span>
      </p>
    </figure>
  );
}

function MetricsTable({ periods, by }: { periods: readonly PeriodMetrics[]; by: By }) {
  return (
    <details className="metrics-table">
      <summary>Show every number as a table</summary>
      <div className="table-scroll">
        <table>
          <caption>Metrics by {UNIT[by].one}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">{by === 'weeks' ? 'Week' : 'Month'}</th>
              <th scope="col">Calls held</th>
              {TABLE_METRICS.map((m) => (
                <th key={m.key} scope="col">
                  {m.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...periods].reverse().map((p) => (
              <tr key={p.key}>
                <th scope="row">
                  {periodLabel(p, by)}
                  {p.partial ? <span className="muted"> (so far)</span> : null}
                </th>
                <td>{p.heldCalls}</td>
                {TABLE_METRICS.map((m) => {
                  const v = m.value(p);
                  return <td key={m.key}>{v === null ? '—' : `${m.format(v)}${m.detail ? ` (${m.detail(p)})` : ''}`}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function MetricsMode({ view }: { view: MetricsView }) {
  const [by, setBy] = useState<By>('weeks');
  const periods = view[by];
  return (
    <section className="mode" aria-labelledby="metrics-heading">
      <ModeHeader
        id="metrics-heading"
        title="Metrics"
        actions={
          <RadioGroupField
            id="metrics-by"
            label="Show by"
            value={by}
            onChange={setBy}
            options={[
              { value: 'weeks', label: 'Week' },
              { value: 'months', label: 'Month' },
            ]}
          />
        }
      >
        {periods.length} {by === 'weeks' ? 'weeks' : 'months'} of your calls: are you keeping the method?
      </ModeHeader>
      <div className="metrics">
        {METRICS.map((m) => (
          <MetricCard key={m.key} metric={m} periods={periods} by={by} />
        ))}
      </div>
      <MetricsTable periods={periods} by={by} />
    </section>
  );
}
