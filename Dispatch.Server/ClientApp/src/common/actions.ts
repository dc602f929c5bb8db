// The audit log's action codes as people say them: timelines show "已签收", not "assignment.acknowledged".
// An unknown code is shown as it is, so a new action is never hidden, only untranslated.

import { type Bilingual, pick } from './i18n';

const ACTIONS: Bilingual<Record<string, string>> = {
  zh: {
    'incident.opened': '立案', 'incident.alert-joined': '重复报警并入', 'incident.reclassified': '改类', 'incident.located': '按地址库选定地址', 'incident.rerouted': '改派责任单位',
    'incident.returned': '退回研判', 'incident.dispatched': '已派单', 'incident.resolved': '现场办结', 'incident.handed-over': '移交部门',
    'incident.reinforcement-requested': '请求增援', 'incident.linked': '联动移交', 'incident.caller-phones-read': '查看报警人电话',
    'assignment.dispatched': '派单', 'assignment.diverted': '力量被调走', 'assignment.acknowledged': '签收', 'assignment.enroute': '出发',
    'assignment.onscene': '到场', 'assignment.cleared': '处置完毕', 'assignment.declined': '拒绝',
    'clock.started': '计时开始', 'clock.warned': '时钟预警', 'clock.breached': '时钟超时', 'clock.met': '按时完成', 'clock.met-after-breach': '超时后完成',
    'clock.cancelled': '计时取消', 'clock.escalated': '超时升级',
    'task-order.issued': '任务单下发', 'task-order.accepted': '部门签收', 'task-order.completed': '部门办结', 'task-order.returned': '部门退回',
    'task-order.reassigned': '改派部门', 'task-order.delay-requested': '申请延期', 'task-order.delay-approved': '延期批准',
    'task-order.delay-rejected': '延期驳回', 'task-order.evaluated': '群众评价', 'task-order.reopened': '返工', 'task-order.closed': '结案',
    'task-order.reminder': '到期提醒', 'task-order.overdue': '已超期',
  },
  en: {
    'incident.opened': 'Opened', 'incident.alert-joined': 'Another call joined', 'incident.reclassified': 'Reclassified', 'incident.located': 'Address picked from the register', 'incident.rerouted': 'Rerouted',
    'incident.returned': 'Returned to triage', 'incident.dispatched': 'Dispatched', 'incident.resolved': 'Resolved on scene',
    'incident.handed-over': 'Handed over', 'incident.reinforcement-requested': 'Reinforcement requested', 'incident.linked': 'Handed to 119/120/emergency management', 'incident.caller-phones-read': 'Caller numbers read',
    'assignment.dispatched': 'Unit dispatched', 'assignment.diverted': 'Unit diverted', 'assignment.acknowledged': 'Acknowledged',
    'assignment.enroute': 'En route', 'assignment.onscene': 'On scene', 'assignment.cleared': 'Cleared', 'assignment.declined': 'Declined',
    'clock.started': 'Clock started', 'clock.warned': 'Clock warning', 'clock.breached': 'Clock breached', 'clock.met': 'Clock met',
    'clock.met-after-breach': 'Met after breach', 'clock.cancelled': 'Clock cancelled', 'clock.escalated': 'Breach escalated',
    'task-order.issued': 'Task order issued', 'task-order.accepted': 'Accepted', 'task-order.completed': 'Completed', 'task-order.returned': 'Returned',
    'task-order.reassigned': 'Reassigned', 'task-order.delay-requested': 'Delay requested', 'task-order.delay-approved': 'Delay approved',
    'task-order.delay-rejected': 'Delay rejected', 'task-order.evaluated': 'Evaluated', 'task-order.reopened': 'Reopened',
    'task-order.closed': 'Closed', 'task-order.reminder': 'Reminder', 'task-order.overdue': 'Overdue',
  },
};

export const actionLabel = (code: string): string => pick(ACTIONS)[code] ?? code;
