import { describe, expect, it } from 'vitest';
import { barChart, captioned, columnChart, heat, niceMax, scale } from './charts';

describe('scales', () => {
  it('rounds an axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 12, 180, 501].map(niceMax)).toEqual([1, 1, 5, 10, 20, 200, 1000]);
  });

  it('scales a value to a length, never beyond it, and nothing to zero', () => {
    expect(scale(0.5, 1, 300)).toBe(150);
    expect(scale(2, 1, 300)).toBe(300);
    expect(scale(null, 1, 300)).toBe(0);
    expect(scale(5, 0, 300)).toBe(0);
  });

  it('colours a heat cell from faint to full', () => {
    expect(heat(0, 10)).toBe('rgba(229, 72, 77, 0.12)');
    expect(heat(10, 10)).toBe('rgba(229, 72, 77, 1.00)');
    expect(heat(3, 0)).toBe('rgba(229, 72, 77, 0.12)');
  });
});

describe('charts', () => {
  it('draws one titled bar per label with its value as text', () => {
    const svg = barChart('按期办结率', [{ label: '城管', value: 0.5, text: '50%' }, { label: '市场监管', value: null, text: '—' }], 1);
    expect(svg.querySelector('title')!.textContent).toBe('按期办结率');
    expect([...svg.querySelectorAll('g.bar > title')].map((t) => t.textContent)).toEqual(['城管: 50%', '市场监管: —']);
    expect(svg.querySelectorAll('rect')[0].getAttribute('width')).toBe('206.0');
    expect(svg.querySelectorAll('rect')[1].getAttribute('width')).toBe('0.0');
  });

  it('puts each label above its bar from the left edge, so a long name is read in full', () => {
    const name = '云峰街道社会治理中心（矛调中心）';
    const svg = barChart('满意率', [{ label: name, value: 1, text: '100%' }], 1);
    const label = svg.querySelector('text.label')!;
    expect(label.textContent).toBe(name);
    expect(label.getAttribute('x')).toBe('0');
    expect(Number(label.getAttribute('y'))).toBeLessThan(Number(svg.querySelector('rect')!.getAttribute('y')));
  });

  it('shows the chart title as a caption above it', () => {
    const [caption, svg] = captioned('按期办结率（按责任单位）', barChart('按期办结率（按责任单位）', [], 1));
    expect(caption.tagName).toBe('FIGCAPTION');
    expect(caption.textContent).toBe('按期办结率（按责任单位）');
    expect(svg.tagName.toLowerCase()).toBe('svg');
  });

  it('draws 24 columns for the hours, the tallest reaching the rounded axis', () => {
    const values = Array.from({ length: 24 }, (_, hour) => (hour === 9 ? 4 : 0));
    const svg = columnChart('breaches by hour', values, values.map((_, hour) => `${hour}`));
    expect(svg.querySelectorAll('rect')).toHaveLength(24);
    expect(svg.querySelectorAll('rect')[9].getAttribute('height')).toBe('91.2');
    expect(svg.querySelectorAll('text.value')).toHaveLength(1);
  });
});
