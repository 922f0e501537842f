import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The CSS colour of a variable (charts follow the theme), read when the chart is built. */
export const cssVar = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

/** The resolved theme ("light" | "dark"), re-read when App.tsx switches it, so charts redraw in its colours. */
export function useThemeName(): string {
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? 'light');
  useEffect(() => {
    const obs = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? 'light'));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => obs.disconnect();
  }, []);
  return theme;
}

/** Axis styling shared by every chart: muted ticks and grid in the theme's colours. */
export function axis(extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: cssVar('--muted'),
    grid: { stroke: cssVar('--line'), width: 1 },
    ticks: { stroke: cssVar('--line'), width: 1 },
    font: '11px system-ui, "Kubedeck KR", sans-serif',
    ...extra,
  };
}

/**
 * The width a chart may draw in: the box's content, without its padding. clientWidth counts the padding, and a
 * chart that wide ran past the card's right edge (the hour chart's "100%" stuck out).
 */
function innerWidth(el: HTMLElement): number {
  const s = getComputedStyle(el);
  return el.clientWidth - Number.parseFloat(s.paddingLeft) - Number.parseFloat(s.paddingRight);
}

export const bars = (size = 0.7) => uPlot.paths.bars!({ size: [size, 60] });

/** A uPlot chart that fills its container's width and is rebuilt when its options or data change. */
export function UChart({
  make,
  data,
  height = 180,
  label,
  testId,
}: {
  make: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  height?: number;
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeName();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt on theme change for its colours
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(240, innerWidth(el));
    const chart = new uPlot({ ...make(width), width, height }, data, el);
    const ro = new ResizeObserver(() => chart.setSize({ width: Math.max(240, innerWidth(el)), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [make, data, height, theme]);
  return <div className="chart" ref={box} role="img" aria-label={label} data-testid={testId} />;
}
