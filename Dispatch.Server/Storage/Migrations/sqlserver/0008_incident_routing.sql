-- Routing: where the incident is, who is responsible and why, and a version for optimistic concurrency.
ALTER TABLE incidents ADD priority INT NULL
GO
ALTER TABLE incidents ADD source NVARCHAR(16) NOT NULL DEFAULT 'Alert'
GO
ALTER TABLE incidents ADD district_code NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD district_name NVARCHAR(100) NULL
GO
ALTER TABLE incidents ADD street_code NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD street_name NVARCHAR(100) NULL
GO
ALTER TABLE incidents ADD community_code NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD community_name NVARCHAR(100) NULL
GO
ALTER TABLE incidents ADD grid_code NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD grid_name NVARCHAR(100) NULL
GO
ALTER TABLE incidents ADD precinct_code NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD precinct_name NVARCHAR(100) NULL
GO
ALTER TABLE incidents ADD on_boundary BIT NOT NULL DEFAULT 0
GO
ALTER TABLE incidents ADD organisation_code NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD organisation_name NVARCHAR(100) NULL
GO
ALTER TABLE incidents ADD organisation_type NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD routing_outcome NVARCHAR(32) NULL
GO
ALTER TABLE incidents ADD routing_reasons NVARCHAR(MAX) NULL
GO
ALTER TABLE incidents ADD routing_confidence FLOAT NULL
GO
ALTER TABLE incidents ADD routing_candidates NVARCHAR(MAX) NULL
GO
ALTER TABLE incidents ADD version INT NOT NULL DEFAULT 1
GO
ALTER TABLE alerts ADD reference NVARCHAR(36) NULL
GO
CREATE INDEX ix_alerts_reference ON alerts (reference)
GO
CREATE INDEX ix_incidents_duplicates ON incidents (category_code, received_at)
GO
CREATE INDEX ix_incidents_street ON incidents (street_code, received_at)
