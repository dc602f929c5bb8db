import { describe, expect, it } from 'vitest';
import { formatDistance, formatEta, isOpenOrder, maskPhone } from './format';

describe('maskPhone', () => {
  it('hides the middle of a mobile number', () => expect(maskPhone('13812345678')).toBe('138****5678'));
  it('hides all but the last two of a short number', () => expect(maskPhone('12345')).toBe('***45'));
  it('shows nothing for no number', () => {
    expect(maskPhone(null)).toBe('');
    expect(maskPhone('  ')).toBe('');
  });
});

describe('formatDistance', () => {
  it('uses metres below a kilometre', () => expect(formatDistance(849.6)).toBe('850 m'));
  it('uses kilometres with one decimal below ten', () => expect(formatDistance(1234)).toBe('1.2 km'));
  it('uses whole kilometres from ten', () => expect(formatDistance(12_600)).toBe('13 km'));
});

describe('formatEta', () => {
  it('counts seconds under a minute', () => expect(formatEta(42.4, 'zh')).toBe('42秒'));
  it('gives minutes and seconds in Chinese', () => expect(formatEta(200, 'zh')).toBe('3分20秒'));
  it('gives minutes and seconds in English', () => expect(formatEta(200, 'en')).toBe('3 min 20 s'));
  it('rounds to minutes from ten minutes', () => expect(formatEta(725, 'en')).toBe('12 min'));
  it('never goes negative', () => expect(formatEta(-5, 'en')).toBe('0 s'));
});

describe('isOpenOrder', () => {
  it('keeps work in hand and returned orders', () => {
    expect(isOpenOrder('Accepted')).toBe(true);
    expect(isOpenOrder('Returned')).toBe(true);
  });
  it('drops finished orders', () => {
    expect(isOpenOrder('Completed')).toBe(false);
    expect(isOpenOrder('Closed')).toBe(false);
  });
});
