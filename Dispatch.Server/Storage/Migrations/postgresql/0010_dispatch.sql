-- Units get a status (UnitStatus). Existing units start Available: until now the ranking counted every unit as
-- available, and an upgrade must not leave the centre with nothing to recommend; responders sign off explicitly.
ALTER TABLE units ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'Available'
GO
-- Assignments (派单): an incident given to a unit, with every step's time.
CREATE TABLE assignments (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36) NOT NULL REFERENCES incidents (id),
    unit_code VARCHAR(32) NOT NULL REFERENCES units (code),
    role VARCHAR(20) NOT NULL,
    state VARCHAR(20) NOT NULL,
    dispatched_at TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ NULL,
    en_route_at TIMESTAMPTZ NULL,
    on_scene_at TIMESTAMPTZ NULL,
    cleared_at TIMESTAMPTZ NULL,
    declined_at TIMESTAMPTZ NULL,
    decline_reason VARCHAR(500) NULL,
    dispatched_by VARCHAR(100) NOT NULL,
    override_reason VARCHAR(500) NULL,
    version INTEGER NOT NULL
)
GO
CREATE INDEX ix_assignments_incident ON assignments (incident_id, dispatched_at)
GO
CREATE INDEX ix_assignments_unit ON assignments (unit_code, state)
GO
-- One automatic primary per incident: a redelivered IncidentOpened cannot dispatch twice.
CREATE UNIQUE INDEX ux_assignments_auto_primary ON assignments (incident_id) WHERE dispatched_by = 'system' AND role = 'Primary'
