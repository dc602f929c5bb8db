-- Linkage hand-offs (联动): an incident handed to 119 (fire and rescue), 120 (medical) or 应急 (emergency
-- management) by an operator, with the reference quoted to the other centre. One per incident and service: a
-- second hand-off to the same service answers the first.
CREATE TABLE incident_linkages (
    id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    service TEXT NOT NULL,
    reference TEXT NOT NULL,
    external_reference TEXT NULL,
    note TEXT NULL,
    handed_by TEXT NOT NULL,
    handed_at TEXT NOT NULL
)
GO
CREATE UNIQUE INDEX ux_incident_linkages_service ON incident_linkages (incident_id, service)
GO
