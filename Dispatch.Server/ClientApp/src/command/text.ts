import type { Bilingual } from '../common/i18n';
import type { IncidentKind } from '../common/model';

export const TEXT: Bilingual<{
  title: string; queue: string; colReceived: string; colKind: string; colStatus: string; colCategory: string;
  colDescription: string; colAddress: string; colArea: string; colOrganisation: string; colClocks: string;
  noArea: string; acknowledge: string; empty: string; mapTitle: string;
  shown: (n: number) => string;
  callers: (n: number) => string;
  announce: (kind: string, category: string, address: string) => string;
  kind: Record<IncidentKind, string>;
  status: Record<string, string>;
  wholeArea: string; fullScreen: string; exitFullScreen: string; legendUnitFree: string; legendUnitBusy: string; density: string; densityCompact: string; densityComfortable: string;
  deskLink: string;
  tabHistory: string; historyFilters: string; historySearch: string; historyStatusAll: string; historyKindAll: string; historyCategoryAll: string;
  historyCommunityAll: string; historyOrganisationAll: string; historyPrevious: string; historyNext: string; historyEmpty: string;
  historyPage: (page: number, pages: number, total: number) => string;
}> = {
  zh: {
    title: '指挥中心 · 警情队列',
    deskLink: '任务单办理',
    queue: '警情队列',
    colReceived: '接警时间',
    colKind: '性质 / 状态',
    colStatus: '状态',
    colCategory: '类别',
    colDescription: '警情',
    colAddress: '地址',
    colArea: '辖区',
    colOrganisation: '责任单位',
    colClocks: '响应时钟',
    noArea: '辖区外 / 无定位',
    acknowledge: '确认',
    empty: '暂无警情',
    mapTitle: '态势地图',
    shown: (n) => `显示 ${n} 起警情`,
    callers: (n) => `${n} 人报警`,
    announce: (kind, category, address) => `新警情：${[kind, category, address].filter(Boolean).join('，')}`,
    kind: { Police: '警务类', NonPolice: '非警务类', Dispute: '纠纷类', Unknown: '待研判' },
    status: { Open: '待派', NeedsTriage: '待研判', InProgress: '处置中', Closed: '已结' },
    wholeArea: '全区', fullScreen: '全屏', exitFullScreen: '退出全屏', legendUnitFree: '空闲力量', legendUnitBusy: '出警力量',
    density: '显示密度', densityCompact: '紧凑', densityComfortable: '宽松',
    tabHistory: '历史', historyFilters: '筛选历史警情', historySearch: '搜索：内容、地址、电话尾号、警情编号',
    historyStatusAll: '全部状态', historyKindAll: '全部性质', historyCategoryAll: '全部类别', historyCommunityAll: '全部社区',
    historyOrganisationAll: '全部单位', historyPrevious: '上一页', historyNext: '下一页', historyEmpty: '没有符合条件的警情',
    historyPage: (page, pages, total) => `第 ${page} / ${pages} 页，共 ${total} 条`,
  },
  en: {
    title: 'Command centre · Incident queue',
    deskLink: 'Task-order desk',
    queue: 'Incident queue',
    colReceived: 'Received',
    colKind: 'Kind / status',
    colStatus: 'Status',
    colCategory: 'Category',
    colDescription: 'Incident',
    colAddress: 'Address',
    colArea: 'Area',
    colOrganisation: 'Responsible',
    colClocks: 'Clocks',
    noArea: 'No area / no location',
    acknowledge: 'Acknowledge',
    empty: 'No incidents',
    mapTitle: 'Live map',
    shown: (n) => `${n} incident${n === 1 ? '' : 's'} shown`,
    callers: (n) => `${n} callers`,
    announce: (kind, category, address) => `New incident: ${[kind, category, address].filter(Boolean).join(', ')}`,
    kind: { Police: 'Police', NonPolice: 'Non-police', Dispute: 'Dispute', Unknown: 'Unknown' },
    status: { Open: 'Open', NeedsTriage: 'Needs triage', InProgress: 'In progress', Closed: 'Closed' },
    wholeArea: 'Whole area', fullScreen: 'Full screen', exitFullScreen: 'Exit full screen', legendUnitFree: 'Free unit', legendUnitBusy: 'Unit at work',
    density: 'Density', densityCompact: 'Compact', densityComfortable: 'Comfortable',
    tabHistory: 'History', historyFilters: 'Filter the history', historySearch: 'Search: words, address, last digits of the number, incident id',
    historyStatusAll: 'All statuses', historyKindAll: 'All kinds', historyCategoryAll: 'All categories', historyCommunityAll: 'All communities',
    historyOrganisationAll: 'All organisations', historyPrevious: 'Previous', historyNext: 'Next', historyEmpty: 'No incident matches',
    historyPage: (page, pages, total) => `Page ${page} of ${pages}, ${total} in all`,
  },
};
