import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { ApiResult } from '../../core/api.ts';
import type { StringKey, T } from '../i18n/index.ts';
import { axis, bars, cssVar, UChart } from './UChart.tsx';

/** The Stats screen's charts, each a uPlot chart in the theme's colours. */
type Stats = ApiResult<'stats/summary'>;
type Charts = ApiResult<'stats/charts'>;
const noLegend = { legend: { show: false }, cursor: { show: true, drag: { x: false, y: false } } } as const;

/** Bars over category labels (x = 0..n-1), one series, in the accent colour or a given one. */
function categoryBars(labels: string[], name: string, color = cssVar('--accent')) {
  return (): uPlot.Options => ({
    ...noLegend,
    width: 0,
    height: 0,
    scales: { x: { time: false, range: [-0.6, labels.length - 0.4] } },
    axes: [
      axis({
        splits: () => labels.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
      }),
      axis({ size: 40 }),
    ],
    series: [{}, { label: name, fill: color, stroke: color, paths: bars(), points: { show: false } }],
  });
}

/**
 * A year of reviews as a calendar: weeks left to right, weekdays top to bottom, one square per day, drawn by uPlot
 * in a draw hook on its own scales (uPlot has no heatmap series).
 */
export function Heatmap({ days, t }: { days: Stats['heatmap']; t: T }) {
  const total = days.reduce((n, d) => n + d.reviews, 0);
  const data = useMemo<uPlot.AlignedData>(() => {
    const weeks = Math.ceil((days.length + 7) / 7);
    return [Array.from({ length: weeks }, (_, i) => i), Array.from({ length: weeks }, () => null)];
  }, [days]);
  const make = useCallback((): uPlot.Options => {
    const first = new Date(`${days[0]?.date ?? '2026-01-01'}T00:00:00Z`).getUTCDay();
    const max = Math.max(1, ...days.map((d) => d.reviews));
    const accent = cssVar('--accent');
    const empty = cssVar('--line');
    const weekStart = (w: number) => days[Math.max(0, w * 7 - first)]?.date ?? '';
    return {
      ...noLegend,
      width: 0,
      height: 0,
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, data[0].length - 0.5] }, y: { range: [-0.5, 6.5] } },
      axes: [
        axis({
          grid: { show: false },
          splits: () => Array.from(data[0], Number).filter((w) => w % 8 === 1),
          values: (_u, splits) => splits.map((w) => weekStart(w).slice(5)),
        }),
        axis({ show: false }),
      ],
      series: [{}, { label: t('reviews'), paths: () => null, points: { show: false } }],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            const cell = Math.min(
              Math.abs(u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true)),
              Math.abs(u.valToPos(1, 'y', true) - u.valToPos(0, 'y', true)),
            );
            const side = cell * 0.82;
            days.forEach((d, i) => {
              const slot = i + first;
              const x = u.valToPos(Math.floor(slot / 7), 'x', true);
              const y = u.valToPos(slot % 7, 'y', true);
              ctx.globalAlpha = d.reviews === 0 ? 1 : 0.25 + 0.75 * Math.min(1, d.reviews / max);
              ctx.fillStyle = d.reviews === 0 ? empty : accent;
              ctx.fillRect(x - side / 2, y - side / 2, side, side);
            });
            ctx.globalAlpha = 1;
          },
        ],
      },
    };
  }, [days, data, t]);
  return <UChart make={make} data={data} height={150} label={`${total} ${t('reviews')}`} testId="heatmap" />;
}

export function Forecast({ days, t }: { days: Stats['forecast']; t: T }) {
  const data = useMemo<uPlot.AlignedData>(() => [days.map((_, i) => i), days.map((d) => d.due)], [days]);
  const make = useMemo(() => {
    const labels = days.map((d) => d.date.slice(5));
    const base = categoryBars(labels, t('dueCards'));
    return (): uPlot.Options => {
      const o = base();
      o.axes![0] = axis({
        splits: () => labels.map((_, i) => i).filter((i) => i % 5 === 0),
        values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
      });
      return o;
    };
  }, [days, t]);
  return <UChart make={make} data={data} label={t('forecast')} testId="forecast" />;
}

export function RetentionByWeek({ weeks, t }: { weeks: Charts['retentionByWeek']; t: T }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      weeks.map((_, i) => i),
      weeks.map((w) => (w.rate === null ? null : Math.round(w.rate * 1000) / 10)),
    ],
    [weeks],
  );
  const make = useCallback((): uPlot.Options => {
    const color = cssVar('--good');
    return {
      ...noLegend,
      width: 0,
      height: 0,
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [
        axis({
          splits: () => weeks.map((_, i) => i).filter((i) => i % 3 === 0),
          values: (_u, s) => s.map((i) => weeks[i]?.from.slice(5) ?? ''),
        }),
        axis({ size: 44, values: (_u, s) => s.map((v) => `${v}%`) }),
      ],
      series: [
        {},
        {
          label: t('trueRetention'),
          stroke: color,
          width: 2,
          points: { show: true, size: 6 },
          spanGaps: true,
        },
      ],
    };
  }, [weeks, t]);
  return <UChart make={make} data={data} label={t('retentionByWeek')} testId="retention-chart" />;
}

export function Intervals({ rows, t }: { rows: Charts['intervals']; t: T }) {
  const data = useMemo<uPlot.AlignedData>(() => [rows.map((_, i) => i), rows.map((r) => r.n)], [rows]);
  const make = useMemo(() => {
    // Upper bounds only ("≤ 7", then months and years), so fourteen labels fit side by side.
    const short = (d: number) =>
      d >= 365
        ? t('unit.y', { n: d / 365 })
        : d >= 30
          ? t('unit.mo', { n: Math.round(d / 30) })
          : t('unit.d', { n: d });
    const labels = rows.map((r, i) =>
      r.upTo === null ? `${short(rows[i - 1]?.upTo ?? 0)}+` : short(r.upTo),
    );
    const o = categoryBars(labels, t('days'));
    return (): uPlot.Options => {
      const opts = o();
      // Every other bucket is labelled, so Korean units ("1개월") fit too.
      opts.axes![0] = axis({
        splits: () => labels.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => (i % 2 === 0 ? (labels[i] ?? '') : '')),
      });
      return opts;
    };
  }, [rows, t]);
  return <UChart make={make} data={data} label={t('intervals')} testId="intervals-chart" />;
}

export function Difficulty({ rows, t }: { rows: Charts['difficulty']; t: T }) {
  const data = useMemo<uPlot.AlignedData>(() => [rows.map((_, i) => i), rows.map((r) => r.n)], [rows]);
  const make = useMemo(
    () =>
      categoryBars(
        rows.map((r) => String(r.d)),
        t('cards'),
        cssVar('--hard'),
      ),
    [rows, t],
  );
  return <UChart make={make} data={data} label={t('difficultyDist')} testId="difficulty-chart" />;
}

/** Three groups (learning, young, mature) of four bars (again, hard, good, easy), one series per button. */
const KINDS = ['learning', 'young', 'mature'] as const;
export function Buttons({ buttons, t }: { buttons: Charts['buttons']; t: T }) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const xs = KINDS.flatMap((_, g) => [0, 1, 2, 3].map((b) => g * 5 + b));
    const series = [0, 1, 2, 3].map((b) =>
      xs.map((x) => (x % 5 === b ? buttons[KINDS[Math.floor(x / 5)]!][b]! : null)),
    );
    return [xs, ...series];
  }, [buttons]);
  const make = useCallback((): uPlot.Options => {
    const names: StringKey[] = ['again', 'hard', 'good', 'easy'];
    const colors = ['--again', '--hard', '--good', '--easy'].map(cssVar);
    const groupLabels: StringKey[] = ['learningKind', 'youngKind', 'matureKind'];
    return {
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false } },
      width: 0,
      height: 0,
      scales: { x: { time: false, range: [-0.7, 13.7] } },
      axes: [
        axis({ splits: () => [1.5, 6.5, 11.5], values: () => groupLabels.map((k) => t(k)) }),
        axis({ size: 40 }),
      ],
      series: [
        {},
        ...names.map((n, i) => ({
          label: t(n),
          fill: colors[i],
          stroke: colors[i],
          paths: bars(0.85),
          points: { show: false },
        })),
      ],
    };
  }, [t]);
  return <UChart make={make} data={data} label={t('answerButtons')} testId="buttons-chart" />;
}

export function Hours({ hours, t }: { hours: Charts['hours']; t: T }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      hours.map((h) => h.hour),
      hours.map((h) => h.n),
      hours.map((h) => (h.n ? Math.round((h.pass / h.n) * 100) : null)),
    ],
    [hours],
  );
  const make = useCallback((): uPlot.Options => {
    const accent = cssVar('--accent');
    const good = cssVar('--good');
    return {
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false } },
      width: 0,
      height: 0,
      scales: { x: { time: false, range: [-0.6, 23.6] }, pct: { range: [0, 100] } },
      axes: [
        axis({ splits: () => [0, 3, 6, 9, 12, 15, 18, 21], values: (_u, s) => s.map((h) => `${h}h`) }),
        axis({ size: 40 }),
        axis({
          scale: 'pct',
          side: 1,
          size: 44,
          grid: { show: false },
          values: (_u, s) => s.map((v) => `${v}%`),
        }),
      ],
      series: [
        {},
        { label: t('reviews'), fill: accent, stroke: accent, paths: bars(), points: { show: false } },
        // % correct as dots: an hour with no reviews has no value, and a line would suggest one.
        {
          label: t('correct'),
          scale: 'pct',
          stroke: good,
          fill: good,
          paths: () => null,
          points: { show: true, size: 7, fill: good },
        },
      ],
    };
  }, [t]);
  return <UChart make={make} data={data} label={t('hourly')} testId="hours-chart" />;
}
