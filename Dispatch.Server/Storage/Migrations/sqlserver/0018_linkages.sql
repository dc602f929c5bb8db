-- Linkage hand-offs (联动): an incident handed to 119 (fire and rescue), 120 (medical) or 应急 (emergency
-- management) by an operator, with the reference quoted to the other centre. One per incident and service: a
-- second hand-off to the same service answers the first.
CREATE TABLE incident_linkages (
    id NVARCHAR(36) NOT NULL PRIMARY KEY,
    incident_id NVARCHAR(36) NOT NULL REFERENCES incidents (id),
    service NVARCHAR(32) NOT NULL,
    reference NVARCHAR(64) NOT NULL,
    external_reference NVARCHAR(64) NULL,
    note NVARCHAR(500) NULL,
    handed_by NVARCHAR(200) NOT NULL,
    handed_at DATETIMEOFFSET(7) NOT NULL
)
GO
CREATE UNIQUE INDEX ux_incident_linkages_service ON incident_linkages (incident_id, service)
GO
