-- Grid events (网格事件) as reported: the source record of incidents whose source is GridEvent.
CREATE TABLE grid_events (
    event_id VARCHAR(64) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36) NOT NULL REFERENCES incidents (id),
    reported_at TIMESTAMPTZ NOT NULL,
    reporter VARCHAR(64) NOT NULL,
    reporter_kind VARCHAR(64) NOT NULL,
    tier VARCHAR(64) NOT NULL,
    category_code VARCHAR(64) NULL,
    description TEXT NOT NULL,
    lon DOUBLE PRECISION NULL,
    lat DOUBLE PRECISION NULL,
    grid_code VARCHAR(64) NULL,
    photo_urls TEXT NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL
)
GO
CREATE INDEX ix_grid_events_incident ON grid_events (incident_id)
