// The shapes the server sends, as its OpenAPI document describes them: aliases of the types generated from the
// snapshot (openapi/v1.json → src/generated/openapi.ts by `npm run types`, which every build runs). Nothing here is
// written by hand, so a page cannot drift from the server; a server change fails the snapshot test until refreshed.

import type { components } from '../generated/openapi';

type Schemas = components['schemas'];

// Dispatch.Contracts.GeoPoint(Lon, Lat), WGS-84.
export type GeoPoint = Schemas['GeoPoint'];
export type AreaRef = Schemas['AreaRef'];
export type Jurisdiction = Schemas['Jurisdiction'];
export type IncidentStatus = Schemas['IncidentStatus'];
export type IncidentKind = Schemas['IncidentKind'];
export type AddressCandidate = Schemas['AddressCandidate'];
export type AddressLocation = Schemas['AddressLocation'];
export type IncidentSummary = Schemas['IncidentSummary'];
export type IncidentDetail = Schemas['IncidentDetail'];
export type IncidentPage = Schemas['IncidentPage'];
export type StoredAlert = Schemas['StoredAlert'];
export type StoredGridEvent = Schemas['StoredGridEvent'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type IncidentLinkage = Schemas['IncidentLinked'];
export type LinkageService = Schemas['LinkageService'];
export type ClockView = Schemas['ClockView'];
export type ClockKind = Schemas['ClockKind'];

export type AssignmentState = Schemas['AssignmentState'];
export type AssignmentRole = Schemas['AssignmentRole'];
export type AssignmentSummary = Schemas['AssignmentSummary'];
/** An assignment on a responder's phone, with `open` and the `nextSteps` the server offers now. */
export type ResponderAssignment = Schemas['ResponderAssignment'];
export type UnitSummary = Schemas['UnitSummary'];
export type UnitView = Schemas['UnitView'];
export type RecommendedUnit = Schemas['RecommendedUnit'];

export type TaskOrderStatus = Schemas['TaskOrderStatus'];
/** `dueState` and `workingDaysLeft` are the server's (TaskOrderDue): null while the order's deadline does not run. */
export type TaskOrderView = Schemas['TaskOrderView'];
export type TaskOrderDueState = NonNullable<Schemas['TaskOrderDueState']>;
export type TaskOrderEvent = Schemas['TaskOrderEvent'];
/** `allowedSteps`: the step paths the signed-in person may take now, as the server decides them. */
export type TaskOrderDetail = Schemas['TaskOrderDetail'];

export type CategoryView = Schemas['CategoryView'];
export type OrganisationView = Schemas['OrganisationView'];
export type AlarmView = Schemas['AlarmView'];
export type AlarmList = Schemas['AlarmList'];
export type CallerPhones = Schemas['CallerPhones'];
export type AlarmKind = Schemas['AlarmKind'];
export type Breach = Schemas['Breach'];
export type AssessmentRow = Schemas['AssessmentRow'];
export type AssessmentReport = Schemas['AssessmentReport'];
