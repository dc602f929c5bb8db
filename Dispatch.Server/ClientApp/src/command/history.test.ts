import { describe, expect, it } from 'vitest';
import { FIRST_FILTERS, historyUrl, pageCount } from './history';

describe('the history list', () => {
  it('asks for the closed incidents first, a page of twenty', () => {
    expect(historyUrl(FIRST_FILTERS, 1)).toBe('/api/incidents?status=Closed&page=1&pageSize=20');
  });

  it('sends every filter that is set, trimmed and encoded, and leaves the blank ones out', () => {
    const url = historyUrl({ ...FIRST_FILTERS, status: '', category: 'theft', community: 'C 1', q: ' 100% & a_b ' }, 3);
    const query = new URL(url, 'http://x').searchParams;
    expect([...query.keys()]).toEqual(['category', 'community', 'q', 'page', 'pageSize']);
    expect(query.get('q')).toBe('100% & a_b');
    expect(query.get('community')).toBe('C 1');
    expect(query.get('page')).toBe('3');
  });

  it('counts one page for none, and a last page that is not full', () => {
    expect([pageCount(0), pageCount(20), pageCount(21), pageCount(45, 20)]).toEqual([1, 1, 2, 3]);
  });
});
