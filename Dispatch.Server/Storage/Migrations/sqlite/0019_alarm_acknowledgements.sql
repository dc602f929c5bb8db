-- Alarm acknowledgements: who silenced which alarm (a breached clock, a reinforcement request, an urgent triage)
-- and when. One row per alarm: acknowledging again answers the first. The alarms themselves are the clocks,
-- the audit log and the incidents, so nothing here can disagree with them.
CREATE TABLE alarm_acknowledgements (
    alarm_id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    acknowledged_by TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL
)
GO
CREATE INDEX ix_alarm_acknowledgements_incident ON alarm_acknowledgements (incident_id)
GO
