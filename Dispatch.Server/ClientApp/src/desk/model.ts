// The task-order shapes the server sends: the one TaskOrderView every page reads (see ../common/model).

export type { TaskOrderDetail, TaskOrderDueState, TaskOrderEvent, TaskOrderView } from '../common/model';
