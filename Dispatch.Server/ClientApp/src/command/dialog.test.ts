// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { filterOptions } from './dialog';

function choice(): HTMLSelectElement {
  const select = document.createElement('select');
  for (const [group, options] of [['警务类', ['盗窃（theft）', '打架斗殴（fight）']], ['纠纷类', ['邻里纠纷（neighbour-dispute）', '家庭纠纷（family-dispute）']]] as const) {
    const optgroup = document.createElement('optgroup');
    optgroup.label = group;
    for (const label of options) optgroup.append(new Option(label, label.slice(label.indexOf('（') + 1, -1)));
    select.append(optgroup);
  }
  return select;
}

describe('filterOptions', () => {
  it('leaves only the options whose label holds the words, and selects the first of them', () => {
    const select = choice();
    filterOptions(select, '纠纷');
    expect([...select.options].filter((o) => !o.hidden).map((o) => o.value)).toEqual(['neighbour-dispute', 'family-dispute']);
    expect(select.value).toBe('neighbour-dispute');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.hidden)).toEqual([true, false]);
  });

  it('matches codes too, ignoring case, and shows everything again when cleared', () => {
    const select = choice();
    filterOptions(select, 'FIGHT');
    expect([...select.options].filter((o) => !o.hidden).map((o) => o.value)).toEqual(['fight']);
    filterOptions(select, '  ');
    expect([...select.options].every((o) => !o.hidden)).toBe(true);
    expect(select.value).toBe('fight');
  });
});
