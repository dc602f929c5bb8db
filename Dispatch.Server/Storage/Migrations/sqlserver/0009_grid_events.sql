-- Grid events (网格事件) as reported: the source record of incidents whose source is GridEvent.
CREATE TABLE grid_events (
    event_id NVARCHAR(64) NOT NULL PRIMARY KEY,
    incident_id NVARCHAR(36) NOT NULL REFERENCES incidents (id),
    reported_at DATETIMEOFFSET(7) NOT NULL,
    reporter NVARCHAR(64) NOT NULL,
    reporter_kind NVARCHAR(64) NOT NULL,
    tier NVARCHAR(64) NOT NULL,
    category_code NVARCHAR(64) NULL,
    description NVARCHAR(MAX) NOT NULL,
    lon FLOAT NULL,
    lat FLOAT NULL,
    grid_code NVARCHAR(64) NULL,
    photo_urls NVARCHAR(MAX) NOT NULL,
    stored_at DATETIMEOFFSET(7) NOT NULL
)
GO
CREATE INDEX ix_grid_events_incident ON grid_events (incident_id)
