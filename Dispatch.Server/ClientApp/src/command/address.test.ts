import { describe, expect, it } from 'vitest';
import type { AddressLocation } from '../common/model';
import { candidatesToPick, describeMatch } from './address';
import { PANEL_TEXT } from './panel-text';

const candidate = (addressId: string, score: number) => ({
  addressId, address: `兴隆花园${addressId}`, score, location: { lon: 120.22, lat: 30.29 }, gridCode: '330102007004005', community: '兴隆社区',
});

describe('address match in words', () => {
  it('says the address, the score and that it placed the incident', () => {
    const match: AddressLocation = { text: 'x', best: candidate('A', 0.934), alternatives: [], matchedOn: [], used: true, distanceFromGivenMetres: null };
    expect(describeMatch(match, PANEL_TEXT.zh)).toBe('兴隆花园A · 匹配度 0.93 · 已按地址定位');
  });

  it('says how far a given location lies from the address', () => {
    const match: AddressLocation = { text: 'x', best: candidate('A', 0.9), alternatives: [], matchedOn: [], used: false, distanceFromGivenMetres: 812.4 };
    expect(describeMatch(match, PANEL_TEXT.en)).toContain('812 m from the reported location');
  });

  it('says when nothing matched, and nothing when there was no address', () => {
    expect(describeMatch({ text: 'x', best: null, alternatives: [], matchedOn: [], used: false, distanceFromGivenMetres: null }, PANEL_TEXT.zh)).toBe('地址库中未找到');
    expect(describeMatch(null, PANEL_TEXT.zh)).toBeNull();
  });

  it('offers the best and the alternatives until one placed the incident', () => {
    const unsure: AddressLocation = { text: 'x', best: candidate('A', 0.6), alternatives: [candidate('B', 0.5), candidate('C', 0.4)], matchedOn: [], used: false, distanceFromGivenMetres: null };
    expect(candidatesToPick(unsure).map((c) => c.addressId)).toEqual(['A', 'B', 'C']);
    expect(candidatesToPick({ ...unsure, used: true })).toEqual([]);
  });
});
