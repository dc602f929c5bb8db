import type { Bilingual } from '../common/i18n';

export const TEXT: Bilingual<{
  title: string; orders: string; detail: string; empty: string; pick: string;
  incident: string; instructions: string; history: string; address: string; noIncident: string; due: string; issued: string;
  accept: string; complete: string; return: string; delay: string; submit: string; cancel: string;
  result: string; reason: string; newDue: string; lastResult: string; lastReason: string; requested: string;
  status: Record<string, string>;
  action: Record<string, string>;
  daysLeft: (n: number) => string; hoursLeft: (n: number) => string; late: (n: number) => string;
  count: (open: number, overdue: number) => string;
  arrived: (instructions: string) => string;
  done: (action: string) => string;
}> = {
  zh: {
    title: '联动部门 · 任务单',
    orders: '本单位任务单',
    detail: '任务单详情',
    empty: '暂无任务单',
    pick: '请选择左侧任务单',
    incident: '事件',
    instructions: '交办要求',
    history: '办理记录',
    address: '地址',
    noIncident: '事件不存在',
    due: '办结期限',
    issued: '交办时间',
    accept: '签收',
    complete: '办结',
    return: '退回',
    delay: '申请延期',
    submit: '提交',
    cancel: '取消',
    result: '办理结果',
    reason: '原因',
    newDue: '申请延至',
    lastResult: '办理结果',
    lastReason: '原因',
    requested: '申请延至',
    status: {
      Issued: '待签收', Accepted: '办理中', DelayRequested: '延期待批', Completed: '已办结', Evaluated: '已回访',
      Closed: '已结案', Returned: '已退回', Reopened: '返工',
    },
    action: {
      issued: '交办', accepted: '签收', completed: '办结', returned: '退回', reassigned: '改派', 'delay-requested': '申请延期',
      'delay-approved': '批准延期', 'delay-rejected': '驳回延期', evaluated: '回访评价', reopened: '返工', closed: '结案',
      reminder: '到期提醒', overdue: '超期',
    },
    daysLeft: (n) => `剩 ${n} 个工作日`,
    hoursLeft: (n) => `今日到期，剩 ${n} 小时`,
    late: (n) => `已超期 ${n} 小时`,
    count: (open, overdue) => `在办 ${open} 件 · 超期 ${overdue} 件`,
    arrived: (instructions) => `新任务单：${instructions}`,
    done: (action) => `已${action}`,
  },
  en: {
    title: 'Department desk · Task orders',
    orders: "My organisation's task orders",
    detail: 'Task order',
    empty: 'No task orders',
    pick: 'Choose a task order on the left',
    incident: 'Incident',
    instructions: 'Instructions',
    history: 'History',
    address: 'Address',
    noIncident: 'The incident is not found',
    due: 'Due',
    issued: 'Handed over',
    accept: 'Accept',
    complete: 'Complete',
    return: 'Return',
    delay: 'Request delay',
    submit: 'Submit',
    cancel: 'Cancel',
    result: 'Result',
    reason: 'Reason',
    newDue: 'New due date',
    lastResult: 'Result',
    lastReason: 'Reason',
    requested: 'Requested until',
    status: {
      Issued: 'To accept', Accepted: 'In hand', DelayRequested: 'Delay requested', Completed: 'Completed', Evaluated: 'Evaluated',
      Closed: 'Closed', Returned: 'Returned', Reopened: 'Reopened',
    },
    action: {
      issued: 'handed over', accepted: 'accepted', completed: 'completed', returned: 'returned', reassigned: 'reassigned',
      'delay-requested': 'delay requested', 'delay-approved': 'delay approved', 'delay-rejected': 'delay rejected',
      evaluated: 'evaluated', reopened: 'reopened', closed: 'closed', reminder: 'reminder', overdue: 'overdue',
    },
    daysLeft: (n) => `${n} working day${n === 1 ? '' : 's'} left`,
    hoursLeft: (n) => `Due today, ${n} h left`,
    late: (n) => `Overdue by ${n} h`,
    count: (open, overdue) => `${open} open · ${overdue} overdue`,
    arrived: (instructions) => `New task order: ${instructions}`,
    done: (action) => `Done: ${action}`,
  },
};
