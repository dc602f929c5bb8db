import type { NavigationApp } from './navigation';
import type { Bilingual } from '../common/i18n';
import type { LocationState } from './location';
import type { AssignmentState } from '../common/model';
import type { Step } from './steps';

export const TEXT: Bilingual<{
  title: string; duty: string; onDuty: string; offDuty: string; signOn: string; signOff: string;
  mine: string; empty: string; loading: string; finished: string; openInMaps: string; navigation: Record<NavigationApp, string>; dismiss: string; submit: string; cancel: string; organisation: string;
  offline: string; noAddress: string; primary: string; reinforcement: string; dispatchedAt: string; callCaller: string; call: string; noCallerPhone: string;
  location: Record<LocationState, string>;
  state: Record<AssignmentState, string>;
  step: Record<Step, string>;
  prompt: Record<Step, string>;
  arrived: (category: string, address: string) => string;
  reinforceSent: (time: string) => string;
}> = {
  zh: {
    title: '处置端',
    duty: '值班状态',
    onDuty: '在岗',
    offDuty: '未上岗',
    signOn: '签到上岗',
    signOff: '签退下岗',
    mine: '我的派单',
    empty: '暂无派单',
    loading: '正在读取派单…',
    finished: '已结束',
    openInMaps: '导航：',
    navigation: { amap: '高德地图', baidu: '百度地图', apple: '苹果地图', geo: '其他地图' },
    dismiss: '知道了',
    submit: '提交',
    organisation: '交办单位',
    cancel: '取消',
    offline: '离线：页面来自本机缓存，数据需联网后才能更新',
    noAddress: '无地址',
    primary: '主办',
    callCaller: '联系报警人',
    call: '拨打',
    noCallerPhone: '报警人未留电话',
    reinforcement: '增援',
    dispatchedAt: '派单',
    location: { off: '位置未共享', waiting: '正在定位…', sharing: '正在共享位置', denied: '定位权限被拒绝', unavailable: '无法定位' },
    state: { Dispatched: '待签收', Acknowledged: '已签收', EnRoute: '途中', OnScene: '已到场', Cleared: '已结束', Declined: '已拒绝' },
    step: {
      acknowledge: '签收', 'en-route': '出发', 'on-scene': '到场', resolve: '办结', reinforce: '请求增援',
      'hand-over': '移交部门', clear: '结束处置', decline: '拒绝',
    },
    prompt: {
      acknowledge: '', 'en-route': '', 'on-scene': '', clear: '',
      resolve: '处置结果', reinforce: '增援理由', 'hand-over': '交办要求（现场未能解决的事项）', decline: '拒绝理由',
    },
    reinforceSent: (time) => `增援请求已送达指挥中心（${time}），请等待调派`,
    arrived: (category, address) => `新派单：${[category, address].filter(Boolean).join('，')}`,
  },
  en: {
    title: 'Responder',
    duty: 'Duty',
    onDuty: 'On duty',
    offDuty: 'Off duty',
    signOn: 'Sign on',
    signOff: 'Sign off',
    mine: 'My assignments',
    empty: 'No assignments',
    loading: 'Loading assignments…',
    finished: 'Finished',
    openInMaps: 'Navigate:',
    navigation: { amap: 'AMap', baidu: 'Baidu Maps', apple: 'Apple Maps', geo: 'Other maps' },
    dismiss: 'Got it',
    submit: 'Send',
    organisation: 'Hand to',
    cancel: 'Cancel',
    offline: 'Offline: this page comes from the phone’s cache; data updates once back online',
    noAddress: 'No address',
    primary: 'Primary',
    callCaller: 'Call the caller',
    call: 'Call',
    noCallerPhone: 'The caller left no number',
    reinforcement: 'Reinforcement',
    dispatchedAt: 'Dispatched',
    location: { off: 'Location off', waiting: 'Locating…', sharing: 'Sharing location', denied: 'Location permission denied', unavailable: 'Location unavailable' },
    state: { Dispatched: 'To acknowledge', Acknowledged: 'Acknowledged', EnRoute: 'En route', OnScene: 'On scene', Cleared: 'Cleared', Declined: 'Declined' },
    step: {
      acknowledge: 'Acknowledge', 'en-route': 'En route', 'on-scene': 'On scene', resolve: 'Resolve', reinforce: 'Request reinforcement',
      'hand-over': 'Hand over', clear: 'Clear', decline: 'Decline',
    },
    prompt: {
      acknowledge: '', 'en-route': '', 'on-scene': '', clear: '',
      resolve: 'Result', reinforce: 'Why reinforcement', 'hand-over': 'Instructions (what could not be settled on scene)', decline: 'Why decline',
    },
    reinforceSent: (time) => `The command centre received the reinforcement request at ${time}; wait for units to be sent`,
    arrived: (category, address) => `New assignment: ${[category, address].filter(Boolean).join(', ')}`,
  },
};
