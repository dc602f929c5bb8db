// The shapes the command screen's panels read: the server's, generated from its OpenAPI document (../common/model).

export type {
  AssignmentState, AssignmentSummary, CategoryView, IncidentDetail, OrganisationView, RecommendedUnit, StoredAlert, StoredGridEvent,
  TaskOrderStatus, TaskOrderView, TimelineEntry, UnitSummary,
} from '../common/model';
