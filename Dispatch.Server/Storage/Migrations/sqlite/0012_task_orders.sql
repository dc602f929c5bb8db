-- Task orders (任务单 / 交办单): follow-up work handed to an organisation with a working-day deadline.
-- One per incident and source: a redelivered hand-over or grid event issues nothing twice.
CREATE TABLE task_orders (
    id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    source TEXT NOT NULL,
    organisation_code TEXT NOT NULL,
    organisation_name TEXT NOT NULL,
    organisation_type TEXT NOT NULL,
    status TEXT NOT NULL,
    instructions TEXT NOT NULL,
    category_code TEXT NULL,
    working_days INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    remind_at TEXT NOT NULL,
    reminded_at TEXT NULL,
    overdue_at TEXT NULL,
    result TEXT NULL,
    completed_at TEXT NULL,
    completed_on_time INTEGER NULL,
    rating TEXT NULL,
    rating_comment TEXT NULL,
    evaluated_at TEXT NULL,
    closed_at TEXT NULL,
    reason TEXT NULL,
    requested_due_at TEXT NULL,
    delay_decision TEXT NULL,
    district_code TEXT NULL,
    street_code TEXT NULL,
    street_name TEXT NULL,
    community_code TEXT NULL,
    community_name TEXT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT uq_task_orders_incident_source UNIQUE (incident_id, source)
)
GO
CREATE INDEX ix_task_orders_status_due ON task_orders (status, due_at)
GO
CREATE INDEX ix_task_orders_organisation ON task_orders (organisation_code)
GO
-- Every step, reminder and overdue of a task order, with the organisation it concerned: assessment counts from here.
CREATE TABLE task_order_events (
    id TEXT NOT NULL PRIMARY KEY,
    task_order_id TEXT NOT NULL REFERENCES task_orders (id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_role TEXT NULL,
    organisation_code TEXT NOT NULL,
    previous_organisation_code TEXT NULL,
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    due_at TEXT NOT NULL,
    previous_due_at TEXT NULL,
    reason TEXT NULL,
    rating TEXT NULL,
    on_time INTEGER NULL
)
GO
CREATE UNIQUE INDEX ix_task_order_events_order ON task_order_events (task_order_id, seq)
GO
CREATE INDEX ix_task_order_events_at ON task_order_events (at, action)
