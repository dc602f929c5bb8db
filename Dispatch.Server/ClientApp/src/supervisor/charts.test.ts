import { describe, expect, it } from 'vitest';
import { barChart, columnChart, heat, niceMax, scale } from './charts';

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
    expect(svg.querySelectorAll('rect')[0].getAttribute('width')).toBe('125.0');
    expect(svg.querySelectorAll('rect')[1].getAttribute('width')).toBe('0.0');
  });

  it('draws 24 columns for the hours, the tallest reaching the rounded axis', () => {
    const values = Array.from({ length: 24 }, (_, hour) => (hour === 9 ? 4 : 0));
    const svg = columnChart('breaches by hour', values, values.map((_, hour) => `${hour}`));
    expect(svg.querySelectorAll('rect')).toHaveLength(24);
    expect(svg.querySelectorAll('rect')[9].getAttribute('height')).toBe('91.2');
    expect(svg.querySelectorAll('text.value')).toHaveLength(1);
  });
});
