import type { Bilingual } from '../common/i18n';

type Words = {
  title: string; period: string; today: string; week: string; month: string; custom: string; from: string; to: string;
  organisation: string; kind: string; street: string; any: string; total: string;
  kindRespond: string; kindArrive: string; kindReinforce: string; kindTaskOrder: string;
  breaches: string; csv: string; noBreaches: string; byHour: string; timeline: string; incidentId: string; show: string;
  assessment: string; streets: string; heatMap: string; noData: string;
  colDue: string; colKind: string; colWhat: string; unknownCategory: string; deskLink: string; colLate: string; colOrganisation: string; colArea: string; colIncident: string;
  colReceived: string; colCompleted: string; colOnTimeRate: string; colOverdue: string; colReturned: string;
  colSatisfaction: string; colIncidents: string; colClockBreaches: string; colStreet: string;
  openTimeline: string; onTimeChart: string; satisfactionChart: string; hourChart: string;
  kinds: Record<string, string>;
  late: (seconds: number) => string;
  shownPeriod: (from: string, to: string, breaches: number) => string;
  newBreach: (kind: string) => string;
  incidentLine: (description: string, address: string) => string;
};

const late = (seconds: number, minute: string, hour: string, day: string) =>
  seconds < 3600 ? `${Math.max(1, Math.round(seconds / 60))} ${minute}`
    : seconds < 86_400 ? `${(seconds / 3600).toFixed(1)} ${hour}` : `${(seconds / 86_400).toFixed(1)} ${day}`;

export const TEXT: Bilingual<Words> = {
  zh: {
    title: '督查 · 超时与考核',
    period: '时段', today: '今天', week: '本周', month: '本月', custom: '自定义', from: '从', to: '至',
    organisation: '责任单位', kind: '时限类型', street: '街道', any: '全部', total: '合计',
    kindRespond: '响应（1分钟）', kindArrive: '到场（3分钟）', kindReinforce: '增援（5分钟）', kindTaskOrder: '任务单（5个工作日）',
    breaches: '超时记录', csv: '导出 CSV', noBreaches: '该时段无超时', byHour: '超时按时段分布（北京时间）',
    timeline: '事件时间线', incidentId: '事件编号', show: '查看',
    assessment: '考核（按责任单位）', streets: '按街道', heatMap: '事件热力（按社区）', noData: '无数据',
    colDue: '期限', colKind: '类型', colWhat: '事件类别 · 地址', unknownCategory: '类别未知', deskLink: '任务单办理', colLate: '超时', colOrganisation: '责任单位', colArea: '街道 / 社区', colIncident: '事件',
    colReceived: '接收', colCompleted: '办结', colOnTimeRate: '按期办结率', colOverdue: '超期', colReturned: '退回',
    colSatisfaction: '满意率', colIncidents: '事件数', colClockBreaches: '时钟超时', colStreet: '街道',
    openTimeline: '时间线', onTimeChart: '按期办结率（按责任单位）', satisfactionChart: '满意率（按责任单位）', hourChart: '各小时超时次数',
    kinds: { respond: '响应', arrive: '到场', reinforce: '增援', 'task-order': '任务单' },
    late: (s) => late(s, '分钟', '小时', '天'),
    shownPeriod: (from, to, n) => `${from} 至 ${to}：超时 ${n} 起`,
    newBreach: (kind) => `新的超时：${kind}`,
    incidentLine: (description, address) => `${description}（${address}）`,
  },
  en: {
    title: 'Supervisor · Breaches and assessment',
    period: 'Period', today: 'Today', week: 'This week', month: 'This month', custom: 'Custom', from: 'From', to: 'To',
    organisation: 'Organisation', kind: 'Deadline', street: 'Street', any: 'All', total: 'Total',
    kindRespond: 'Respond (1 min)', kindArrive: 'Arrive (3 min)', kindReinforce: 'Reinforce (5 min)', kindTaskOrder: 'Task order (5 working days)',
    breaches: 'Breaches', csv: 'Export CSV', noBreaches: 'No breaches in this period', byHour: 'Breaches by hour of day (Beijing time)',
    timeline: 'Incident timeline', incidentId: 'Incident id', show: 'Show',
    assessment: 'Assessment by organisation', streets: 'By street', heatMap: 'Incidents by community', noData: 'No data',
    colDue: 'Due', colKind: 'Kind', colWhat: 'What · where', unknownCategory: 'Category unknown', deskLink: 'Task-order desk', colLate: 'Late', colOrganisation: 'Organisation', colArea: 'Street / community', colIncident: 'Incident',
    colReceived: 'Received', colCompleted: 'Completed', colOnTimeRate: 'On-time rate', colOverdue: 'Overdue', colReturned: 'Returned',
    colSatisfaction: 'Satisfaction', colIncidents: 'Incidents', colClockBreaches: 'Clock breaches', colStreet: 'Street',
    openTimeline: 'Timeline', onTimeChart: 'On-time rate by organisation', satisfactionChart: 'Satisfaction by organisation', hourChart: 'Breaches per hour',
    kinds: { respond: 'Respond', arrive: 'Arrive', reinforce: 'Reinforce', 'task-order': 'Task order' },
    late: (s) => late(s, 'min', 'h', 'days'),
    shownPeriod: (from, to, n) => `${from} to ${to}: ${n} breach${n === 1 ? '' : 'es'}`,
    newBreach: (kind) => `New breach: ${kind}`,
    incidentLine: (description, address) => `${description} (${address})`,
  },
};
