// Forest plots drawn by Observable Plot: one row per model (or per slice), the reproduced value with its 95%
// interval, and the published value as a tick. Every mark carries an aria-label with the number it shows,
// so the plotted values can be read from the page by a screen reader or a test.
import { dot, plot, ruleY, tickX } from '@observablehq/plot';
import { formatNumber } from '../../compare/table.ts';
import type { ForestPlot, ForestPoint } from '../html/page-data.ts';
import { h } from './dom.ts';

const COLOURS: Record<string, string> = { consistent: '#1a7f37', diverges: '#cf222e', 'not comparable': '#9a6700', 'no reference': '#57606a' };

function colour(p: ForestPoint): string {
  const key = Object.keys(COLOURS).find((k) => p.verdict.startsWith(k));
  return key === undefined ? '#0969da' : (COLOURS[key] ?? '#0969da');
}

function ciText(p: ForestPoint, unit: string): string {
  return p.ci === null ? 'no interval' : `95% CI [${formatNumber(p.ci.lower, unit)}, ${formatNumber(p.ci.upper, unit)}]`;
}

export function forestFigure(spec: ForestPlot, caption: string): HTMLElement {
  const unit = spec.unit;
  const points = spec.points;
  const withCi = points.filter((p) => p.ci !== null);
  const published = points.filter((p) => p.published !== null);
  const values = points.flatMap((p) => [p.value, ...(p.ci === null ? [] : [p.ci.lower, p.ci.upper]), ...(p.published === null ? [] : [p.published])]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.08, unit === 'percent' ? 1 : 0.01);
  const longest = Math.max(...points.map((p) => p.label.length));
  const svg = plot({
    width: 760,
    height: 50 + 30 * points.length,
    marginLeft: Math.min(320, 12 + 7 * longest),
    marginRight: 30,
    style: { fontSize: '12px', background: 'transparent' },
    x: { domain: [lo - pad, hi + pad], label: `${spec.metric}${unit === 'percent' ? ' (%)' : ''}`, grid: true },
    y: { domain: points.map((p) => p.label), label: null },
    marks: [
      ruleY(withCi, {
        y: 'label',
        x1: (p: ForestPoint) => p.ci?.lower,
        x2: (p: ForestPoint) => p.ci?.upper,
        stroke: colour,
        strokeWidth: 2,
        className: 'parity-interval',
        ariaDescription: '95% confidence intervals',
        ariaLabel: (p: ForestPoint) => `${p.label}: ${ciText(p, unit)}`,
      }),
      tickX(published, {
        y: 'label',
        x: 'published',
        stroke: '#24292f',
        strokeWidth: 2,
        strokeDasharray: '3,2',
        className: 'parity-published',
        ariaDescription: 'published values',
        ariaLabel: (p: ForestPoint) => `${p.label}: published ${formatNumber(p.published ?? Number.NaN, unit)}`,
        title: (p: ForestPoint) => `published ${formatNumber(p.published ?? Number.NaN, unit)}`,
      }),
      dot(points, {
        y: 'label',
        x: 'value',
        r: 5,
        fill: colour,
        stroke: 'white',
        className: 'parity-reproduced',
        ariaDescription: 'reproduced values',
        ariaLabel: (p: ForestPoint) => `${p.label}: reproduced ${formatNumber(p.value, unit)}, ${ciText(p, unit)}`,
        title: (p: ForestPoint) => `${p.label}\nreproduced ${formatNumber(p.value, unit)} (${ciText(p, unit)})${p.published === null ? '' : `\npublished ${formatNumber(p.published, unit)}`}${p.verdict === '' ? '' : `\n${p.verdict}`}`,
      }),
    ],
  });
  return h('figure', { class: 'plot', 'data-plot': spec.id }, h('figcaption', {}, caption), svg);
}
