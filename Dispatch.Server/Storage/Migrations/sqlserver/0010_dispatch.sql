-- Units get a status (UnitStatus). Existing units start Available: until now the ranking counted every unit as
-- available, and an upgrade must not leave the centre with nothing to recommend; responders sign off explicitly.
ALTER TABLE units ADD status NVARCHAR(20) NOT NULL CONSTRAINT df_units_status DEFAULT 'Available'
GO
-- Assignments (派单): an incident given to a unit, with every step's time.
CREATE TABLE assignments (
    id NVARCHAR(36) NOT NULL PRIMARY KEY,
    incident_id NVARCHAR(36) NOT NULL REFERENCES incidents (id),
    unit_code NVARCHAR(32) NOT NULL REFERENCES units (code),
    role NVARCHAR(20) NOT NULL,
    state NVARCHAR(20) NOT NULL,
    dispatched_at DATETIMEOFFSET(7) NOT NULL,
    acknowledged_at DATETIMEOFFSET(7) NULL,
    en_route_at DATETIMEOFFSET(7) NULL,
    on_scene_at DATETIMEOFFSET(7) NULL,
    cleared_at DATETIMEOFFSET(7) NULL,
    declined_at DATETIMEOFFSET(7) NULL,
    decline_reason NVARCHAR(500) NULL,
    dispatched_by NVARCHAR(100) NOT NULL,
    override_reason NVARCHAR(500) NULL,
    version INT NOT NULL
)
GO
CREATE INDEX ix_assignments_incident ON assignments (incident_id, dispatched_at)
GO
CREATE INDEX ix_assignments_unit ON assignments (unit_code, state)
GO
-- One automatic primary per incident: a redelivered IncidentOpened cannot dispatch twice.
CREATE UNIQUE INDEX ux_assignments_auto_primary ON assignments (incident_id) WHERE dispatched_by = 'system' AND role = 'Primary'
