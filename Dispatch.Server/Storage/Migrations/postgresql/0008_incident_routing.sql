-- Routing: where the incident is, who is responsible and why, and a version for optimistic concurrency.
ALTER TABLE incidents ADD COLUMN priority INTEGER NULL
GO
ALTER TABLE incidents ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'Alert'
GO
ALTER TABLE incidents ADD COLUMN district_code VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN district_name VARCHAR(100) NULL
GO
ALTER TABLE incidents ADD COLUMN street_code VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN street_name VARCHAR(100) NULL
GO
ALTER TABLE incidents ADD COLUMN community_code VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN community_name VARCHAR(100) NULL
GO
ALTER TABLE incidents ADD COLUMN grid_code VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN grid_name VARCHAR(100) NULL
GO
ALTER TABLE incidents ADD COLUMN precinct_code VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN precinct_name VARCHAR(100) NULL
GO
ALTER TABLE incidents ADD COLUMN on_boundary BOOLEAN NOT NULL DEFAULT FALSE
GO
ALTER TABLE incidents ADD COLUMN organisation_code VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN organisation_name VARCHAR(100) NULL
GO
ALTER TABLE incidents ADD COLUMN organisation_type VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN routing_outcome VARCHAR(32) NULL
GO
ALTER TABLE incidents ADD COLUMN routing_reasons TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN routing_confidence DOUBLE PRECISION NULL
GO
ALTER TABLE incidents ADD COLUMN routing_candidates TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN version INTEGER NOT NULL DEFAULT 1
GO
ALTER TABLE alerts ADD COLUMN reference VARCHAR(36) NULL
GO
CREATE INDEX ix_alerts_reference ON alerts (reference)
GO
CREATE INDEX ix_incidents_duplicates ON incidents (category_code, received_at)
GO
CREATE INDEX ix_incidents_street ON incidents (street_code, received_at)
