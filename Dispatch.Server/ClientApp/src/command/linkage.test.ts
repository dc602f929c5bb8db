import { describe, expect, it } from 'vitest';
import { describeLinkage, type IncidentLinkage } from './linkage';

const handed: IncidentLinkage = {
  incidentId: 'i-1', service: 'Medical', reference: '120-20261206-3F2A1C', externalReference: null, note: null,
  at: '2026-12-06T01:02:03Z', actor: 'duty-wu',
};

describe('describeLinkage', () => {
  it('names the service and the reference to quote, in the page language only', () => {
    expect(describeLinkage(handed)).toBe('已移交120 急救，编号 120-20261206-3F2A1C');
  });

  it('adds the other centre number when there is one, and never a placeholder when there is not', () => {
    expect(describeLinkage({ ...handed, externalReference: 'HZ120-88' })).toBe('已移交120 急救，编号 120-20261206-3F2A1C · 对方编号 HZ120-88');
    expect(describeLinkage(handed)).not.toMatch(/null|undefined|—/);
  });
});
