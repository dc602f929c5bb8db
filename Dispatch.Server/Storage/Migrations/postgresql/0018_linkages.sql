-- Linkage hand-offs (联动): an incident handed to 119 (fire and rescue), 120 (medical) or 应急 (emergency
-- management) by an operator, with the reference quoted to the other centre. One per incident and service: a
-- second hand-off to the same service answers the first.
CREATE TABLE incident_linkages (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36) NOT NULL REFERENCES incidents (id),
    service VARCHAR(32) NOT NULL,
    reference VARCHAR(64) NOT NULL,
    external_reference VARCHAR(64) NULL,
    note VARCHAR(500) NULL,
    handed_by VARCHAR(200) NOT NULL,
    handed_at TIMESTAMPTZ NOT NULL
)
GO
CREATE UNIQUE INDEX ux_incident_linkages_service ON incident_linkages (incident_id, service)
GO
