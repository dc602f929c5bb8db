// Small hand-written SVG charts: every bar has a <title> and its value as text, and each chart is an image with a
// name, so a screen reader reads the figures as well as the eye does.

const SVG = 'http://www.w3.org/2000/svg';

/** A round upper bound for an axis of counts: 1, 2 or 5 × 10ⁿ at or above `max` (1 for nothing). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((bound) => bound >= max)!;
}

/** `value` as a length of at most `length` on an axis from 0 to `max`; 0 for no value or an empty axis. */
export function scale(value: number | null, max: number, length: number): number {
  if (value === null || !(max > 0) || !(value > 0)) return 0;
  return Math.min(length, (value / max) * length);
}

/** A colour from cool to hot for a heat map: transparent at 0, full red at `max`. */
export function heat(value: number, max: number): string {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return `rgba(229, 72, 77, ${(0.12 + 0.88 * share).toFixed(2)})`;
}

const node = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string) => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
};

export interface Bar { label: string; value: number | null; text: string }

function chart(title: string, width: number, height: number): SVGSVGElement {
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', width: '100%' });
  svg.append(node('title', {}, title));
  return svg;
}

/**
 * Horizontal bars, one per label (rates use max 1). Each label sits above its bar across the whole width, so a long
 * organisation name (云峰街道社会治理中心（矛调中心）) is read in full instead of cut at the chart's edge.
 */
export function barChart(title: string, bars: readonly Bar[], max: number): SVGSVGElement {
  const width = 480, row = 40, valueWidth = 60, length = width - valueWidth;
  const svg = chart(title, width, Math.max(row, bars.length * row));
  bars.forEach((bar, index) => {
    const y = index * row;
    const group = node('g', { class: 'bar' });
    group.append(node('title', {}, `${bar.label}: ${bar.text}`));
    group.append(node('text', { x: 0, y: y + 14, class: 'label' }, bar.label));
    group.append(node('rect', { x: 0, y: y + 20, width: scale(bar.value, max, length - 8).toFixed(1), height: 14, rx: 3 }));
    group.append(node('text', { x: width - valueWidth + 6, y: y + 32, class: 'value' }, bar.text));
    svg.append(group);
  });
  return svg;
}

/** A chart with its title shown above it (the SVG's own <title> is read only by screen readers and tooltips). */
export function captioned(title: string, svg: SVGSVGElement): [HTMLElement, SVGSVGElement] {
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  return [caption, svg];
}

/** Vertical columns with a label under each (e.g. the 24 hours of the day). */
export function columnChart(title: string, values: readonly number[], labels: readonly string[]): SVGSVGElement {
  const width = 480, height = 160, base = 130, column = width / values.length, max = niceMax(Math.max(0, ...values));
  const svg = chart(title, width, height);
  values.forEach((value, index) => {
    const x = index * column, tall = scale(value, max, base - 16);
    const group = node('g', { class: 'bar' });
    group.append(node('title', {}, `${labels[index]}: ${value}`));
    group.append(node('rect', { x: (x + 2).toFixed(1), y: (base - tall).toFixed(1), width: (column - 4).toFixed(1), height: tall.toFixed(1), rx: 2 }));
    if (value > 0) group.append(node('text', { x: (x + column / 2).toFixed(1), y: (base - tall - 3).toFixed(1), 'text-anchor': 'middle', class: 'value' }, String(value)));
    if (index % 3 === 0) group.append(node('text', { x: (x + column / 2).toFixed(1), y: base + 16, 'text-anchor': 'middle', class: 'label' }, labels[index]));
    svg.append(group);
  });
  svg.append(node('line', { x1: 0, x2: width, y1: base, y2: base, class: 'axis' }));
  return svg;
}
