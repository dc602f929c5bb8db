-- Units get a status (UnitStatus). Existing units start Available: until now the ranking counted every unit as
-- available, and an upgrade must not leave the centre with nothing to recommend; responders sign off explicitly.
ALTER TABLE units ADD COLUMN status TEXT NOT NULL DEFAULT 'Available'
GO
-- Assignments (派单): an incident given to a unit, with every step's time.
CREATE TABLE assignments (
    id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    unit_code TEXT NOT NULL REFERENCES units (code),
    role TEXT NOT NULL,
    state TEXT NOT NULL,
    dispatched_at TEXT NOT NULL,
    acknowledged_at TEXT NULL,
    en_route_at TEXT NULL,
    on_scene_at TEXT NULL,
    cleared_at TEXT NULL,
    declined_at TEXT NULL,
    decline_reason TEXT NULL,
    dispatched_by TEXT NOT NULL,
    override_reason TEXT NULL,
    version INTEGER NOT NULL
)
GO
CREATE INDEX ix_assignments_incident ON assignments (incident_id, dispatched_at)
GO
CREATE INDEX ix_assignments_unit ON assignments (unit_code, state)
GO
-- One automatic primary per incident: a redelivered IncidentOpened cannot dispatch twice.
CREATE UNIQUE INDEX ux_assignments_auto_primary ON assignments (incident_id) WHERE dispatched_by = 'system' AND role = 'Primary'
