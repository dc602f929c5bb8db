-- Alarm acknowledgements: who silenced which alarm (a breached clock, a reinforcement request, an urgent triage)
-- and when. One row per alarm: acknowledging again answers the first. The alarms themselves are the clocks,
-- the audit log and the incidents, so nothing here can disagree with them.
CREATE TABLE alarm_acknowledgements (
    alarm_id VARCHAR(80) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36) NOT NULL REFERENCES incidents (id),
    acknowledged_by VARCHAR(200) NOT NULL,
    acknowledged_at TIMESTAMPTZ NOT NULL
)
GO
CREATE INDEX ix_alarm_acknowledgements_incident ON alarm_acknowledgements (incident_id)
GO
