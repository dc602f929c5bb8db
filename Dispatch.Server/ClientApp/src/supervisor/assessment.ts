// 考核: the table per organisation with its two rate charts, the table per street, and incidents by community as
// a heat map (a coloured grid: the areas' shapes add little to a handful of communities).

import { pick } from '../common/i18n';
import { barChart, captioned, heat } from './charts';
import { type AssessmentReport, type AssessmentRow, percent } from './model';
import { TEXT } from './text';

const cellsOf = (row: AssessmentRow, columns: ReadonlyArray<(row: AssessmentRow) => string>) => columns.map((column) => {
  const cell = document.createElement('td');
  cell.textContent = column(row);
  return cell;
});

function fillTable(body: HTMLElement, rows: readonly AssessmentRow[], columns: ReadonlyArray<(row: AssessmentRow) => string>, testid: string): void {
  body.replaceChildren(...rows.map((row) => {
    const line = document.createElement('tr');
    line.dataset.testid = testid;
    line.dataset.code = row.code;
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = row.name;
    line.append(head, ...cellsOf(row, columns));
    return line;
  }));
}

export function showAssessment(byOrganisation: AssessmentReport, byStreet: AssessmentReport, byCommunity: AssessmentReport): void {
  const t = pick(TEXT);
  const find = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!;
  const organisations = [...byOrganisation.rows, { ...byOrganisation.total, name: t.total }];
  fillTable(find('assessment-rows'), organisations, [
    (r) => String(r.received), (r) => String(r.completed), (r) => percent(r.onTimeRate), (r) => String(r.overdue),
    (r) => String(r.returned), (r) => percent(r.satisfactionRate), (r) => String(r.incidents), (r) => String(r.clockBreaches),
  ], 'assessment-row');
  fillTable(find('street-rows'), byStreet.rows, [
    (r) => String(r.received), (r) => percent(r.onTimeRate), (r) => percent(r.satisfactionRate), (r) => String(r.incidents), (r) => String(r.clockBreaches),
  ], 'street-row');

  const bars = (rate: (row: AssessmentRow) => number | null) =>
    byOrganisation.rows.map((row) => ({ label: row.name, value: rate(row), text: percent(rate(row)) }));
  find('chart-on-time').replaceChildren(...captioned(t.onTimeChart, barChart(t.onTimeChart, bars((r) => r.onTimeRate), 1)));
  find('chart-satisfaction').replaceChildren(...captioned(t.satisfactionChart, barChart(t.satisfactionChart, bars((r) => r.satisfactionRate), 1)));

  const areas = byCommunity.rows.filter((row) => row.incidents > 0).sort((a, b) => b.incidents - a.incidents);
  const max = Math.max(0, ...areas.map((row) => row.incidents));
  const map = find('heat-map');
  map.replaceChildren(...areas.map((row) => {
    const cell = document.createElement('li');
    cell.dataset.testid = 'heat-cell';
    cell.dataset.code = row.code;
    cell.style.background = heat(row.incidents, max);
    const name = document.createElement('span');
    name.textContent = row.name;
    const count = document.createElement('strong');
    count.textContent = String(row.incidents);
    cell.append(name, count);
    return cell;
  }));
  if (areas.length === 0) {
    const none = document.createElement('li');
    none.className = 'none';
    none.textContent = t.noData;
    map.append(none);
  }
}
