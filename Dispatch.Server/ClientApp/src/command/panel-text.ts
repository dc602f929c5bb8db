// The words of the command screen's side panels: incident detail, triage and the task-order board.
import type { Bilingual } from '../common/i18n';

export const PANEL_TEXT: Bilingual<{
  tabDetail: string; tabTriage: string; tabBoard: string; tabUnits: string; pickIncident: string;
  unitAll: string; unitStatusAll: string; unitAge: (seconds: number | null, stale: boolean) => string; unitDispatchHere: string; unitNoIncident: string; openIncident: string; noUnits: string; unitsCount: (free: number, all: number) => string;
  callers: string; gridEvent: string; address: string; area: string; category: string; organisation: string;
  clocks: string; assignments: string; recommendations: string; timeline: string; noAssignments: string; noRecommendations: string;
  dispatch: string; dispatchAnyway: string; handOver: string; resolve: string; reclassify: string; reroute: string;
  instructions: string; result: string; reason: string; overrideReason: string; categoryField: string; organisationField: string;
  cancel: string; submit: string; search: string; basis: (n: number) => string; manualEntry: string; manualDescription: string; manualAddress: string; manualPhone: string; pickOnMap: string; locationNone: string; locationAt: (lat: string, lon: string) => string; categoryAuto: string; suggestionNone: string; suggestion: (name: string, percent: number) => string; suggestionTriage: (urgent: boolean) => string; dispatched: (unit: string) => string; noTriage: string; noOrders: string; unknownCategory: string;
  triageCount: (n: number) => string; boardCount: (open: number, overdue: number) => string;
  areaLayers: { community: string; grid: string; precinct: string };
  assignmentState: Record<string, string>; unitStatus: Record<string, string>; orderStatusName: Record<string, string>;
  role: Record<string, string>; due: Record<string, string>; caller: (phone: string) => string; revealPhone: string; noPhone: string;
  eventReporter: (reporter: string, tier: string) => string; urgent: string;
  addressMatch: string; addressCandidates: string; pickAddress: string; pickReason: string; noAddressMatch: string;
  addressScore: (score: string) => string; addressUsed: string; addressNotUsed: string; addressFar: (metres: number) => string;
}> = {
  zh: {
    tabDetail: '警情详情', tabTriage: '待研判', tabBoard: '任务单', tabUnits: '力量', pickIncident: '点击队列中的警情查看详情',
    unitAll: '全部单位', unitStatusAll: '全部状态', unitDispatchHere: '派往当前警情', unitNoIncident: '先在队列中选定警情', openIncident: '查看警情', noUnits: '没有符合条件的力量',
    unitAge: (seconds, stale) => (seconds === null ? '无位置' : `${seconds < 60 ? `${Math.round(seconds)}秒` : `${Math.round(seconds / 60)}分钟`}前${stale ? '（过时）' : ''}`),
    unitsCount: (free, all) => `${free}/${all}`,
    callers: '报警人陈述', gridEvent: '网格事件', address: '地址', area: '辖区', category: '类别', organisation: '责任单位',
    clocks: '响应时钟', assignments: '已派力量', recommendations: '推荐力量', timeline: '处置经过',
    noAssignments: '尚未派单', noRecommendations: '暂无可推荐力量',
    dispatch: '派单', dispatchAnyway: '仍然派单', handOver: '移交部门', resolve: '办结',
    reclassify: '重新定类', reroute: '指定责任单位',
    instructions: '交办要求', result: '处置结果', reason: '理由', overrideReason: '强制派单理由（记入审计）',
    categoryField: '类别', organisationField: '责任单位', cancel: '取消', submit: '确定', search: '输入关键词筛选', basis: (n) => `判断依据（${n}）`,
    manualEntry: '接警录入', manualDescription: '报警内容', manualAddress: '地址', manualPhone: '报警电话',
    pickOnMap: '在地图上点击选定位置，或从地址库中选择', locationNone: '尚未选定位置', locationAt: (lat, lon) => `位置 ${lat}, ${lon}`,
    categoryAuto: '由系统判断', suggestionNone: '输入报警内容后，系统给出建议类别',
    suggestion: (name, percent) => `建议类别：${name}（${percent}%）`,
    suggestionTriage: (urgent) => (urgent ? '系统无法判断类别，且有危及生命迹象：将紧急研判' : '系统无法判断类别：将进入待研判'),
    dispatched: (unit) => `已派 ${unit}`, noTriage: '暂无待研判警情', noOrders: '暂无未办结任务单', unknownCategory: '未分类',
    triageCount: (n) => `${n}`, boardCount: (open, overdue) => (overdue > 0 ? `${open} · 超期 ${overdue}` : `${open}`),
    areaLayers: { community: '社区', grid: '网格', precinct: '派出所辖区' },
    assignmentState: { Dispatched: '已派单', Acknowledged: '已签收', EnRoute: '在途', OnScene: '已到场', Cleared: '已完成', Declined: '已拒绝' },
    unitStatus: { OffDuty: '下班', Available: '空闲', Dispatched: '已派', EnRoute: '在途', OnScene: '到场' },
    orderStatusName: { Issued: '已交办', Accepted: '已签收', DelayRequested: '申请延期', Returned: '已退回', Reopened: '返工' },
    role: { Primary: '主办', Reinforcement: '增援' },
    due: { overdue: '已超期', soon: '今日到期', ok: '' },
    caller: (phone) => (phone ? `报警电话 ${phone}` : '未留电话'),
    revealPhone: '显示号码',
    noPhone: '未留电话',
    eventReporter: (reporter, tier) => `${reporter} · ${({ Minor: '小事', Major: '大事', Complex: '难事' } as Record<string, string>)[tier] ?? tier}`,
    addressMatch: '地址库匹配', addressCandidates: '候选地址（点击选定）', pickAddress: '选定', pickReason: '按标准地址库选定',
    noAddressMatch: '地址库中未找到', addressScore: (score) => `匹配度 ${score}`, addressUsed: '已按地址定位',
    addressNotUsed: '未用于定位', addressFar: (metres) => `与上报定位相距 ${metres} 米，以定位为准`,
    urgent: '紧急 · 疑似危及生命',
  },
  en: {
    tabDetail: 'Incident', tabTriage: 'Triage', tabBoard: 'Task orders', tabUnits: 'Units', pickIncident: 'Pick an incident in the queue to see it here',
    unitAll: 'All organisations', unitStatusAll: 'All statuses', unitDispatchHere: 'Send to this incident', unitNoIncident: 'Pick an incident in the queue first', openIncident: 'Open incident', noUnits: 'No unit matches',
    unitAge: (seconds, stale) => (seconds === null ? 'no position' : `${seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`} ago${stale ? ' (stale)' : ''}`),
    unitsCount: (free, all) => `${free}/${all}`,
    callers: "Callers' words", gridEvent: 'Grid event', address: 'Address', area: 'Area', category: 'Category', organisation: 'Responsible',
    clocks: 'Clocks', assignments: 'Units dispatched', recommendations: 'Recommended units', timeline: 'Timeline',
    noAssignments: 'Nothing dispatched yet', noRecommendations: 'No unit to recommend',
    dispatch: 'Dispatch', dispatchAnyway: 'Dispatch anyway', handOver: 'Hand over', resolve: 'Resolve',
    reclassify: 'Reclassify', reroute: 'Reroute',
    instructions: 'Instructions', result: 'Result', reason: 'Reason', overrideReason: 'Why dispatch a busy unit (audited)',
    categoryField: 'Category', organisationField: 'Organisation', cancel: 'Cancel', submit: 'OK', search: 'Type to filter', basis: (n) => `Why (${n})`,
    manualEntry: 'Enter a call', manualDescription: 'What the caller said', manualAddress: 'Address', manualPhone: 'Caller\'s number',
    pickOnMap: 'Click the map to place it, or pick from the address register', locationNone: 'No location yet', locationAt: (lat, lon) => `At ${lat}, ${lon}`,
    categoryAuto: 'Let the system decide', suggestionNone: 'Type what the caller said for a suggested category',
    suggestion: (name, percent) => `Suggested: ${name} (${percent}%)`,
    suggestionTriage: (urgent) => (urgent ? 'No category fits, and there are signs of danger to life: urgent triage' : 'No category fits: it will go to triage'),
    dispatched: (unit) => `${unit} dispatched`, noTriage: 'Nothing waits for triage', noOrders: 'No open task orders', unknownCategory: 'Unclassified',
    triageCount: (n) => `${n}`, boardCount: (open, overdue) => (overdue > 0 ? `${open} · ${overdue} overdue` : `${open}`),
    areaLayers: { community: 'Community', grid: 'Grid', precinct: 'Precinct' },
    assignmentState: { Dispatched: 'Dispatched', Acknowledged: 'Acknowledged', EnRoute: 'En route', OnScene: 'On scene', Cleared: 'Cleared', Declined: 'Declined' },
    unitStatus: { OffDuty: 'Off duty', Available: 'Available', Dispatched: 'Dispatched', EnRoute: 'En route', OnScene: 'On scene' },
    orderStatusName: { Issued: 'Issued', Accepted: 'Accepted', DelayRequested: 'Delay requested', Returned: 'Returned', Reopened: 'Reopened' },
    role: { Primary: 'Primary', Reinforcement: 'Reinforcement' },
    due: { overdue: 'Overdue', soon: 'Due today', ok: '' },
    caller: (phone) => (phone ? `Caller ${phone}` : 'No number'),
    revealPhone: 'Show number',
    noPhone: 'No number',
    eventReporter: (reporter, tier) => `${reporter} · ${({ Minor: 'minor', Major: 'major', Complex: 'complex' } as Record<string, string>)[tier] ?? tier}`,
    addressMatch: 'Address register', addressCandidates: 'Candidate addresses (click to pick)', pickAddress: 'Pick', pickReason: 'Picked from the address register',
    noAddressMatch: 'Not in the address register', addressScore: (score) => `score ${score}`, addressUsed: 'located by this address',
    addressNotUsed: 'not used for the location', addressFar: (metres) => `${metres} m from the reported location; the location is used`,
    urgent: 'URGENT · possible danger to life',
  },
};
