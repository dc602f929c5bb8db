-- Task orders (任务单 / 交办单): follow-up work handed to an organisation with a working-day deadline.
-- One per incident and source: a redelivered hand-over or grid event issues nothing twice.
CREATE TABLE task_orders (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36) NOT NULL REFERENCES incidents (id),
    source VARCHAR(64) NOT NULL,
    organisation_code VARCHAR(64) NOT NULL,
    organisation_name VARCHAR(200) NOT NULL,
    organisation_type VARCHAR(64) NOT NULL,
    status VARCHAR(64) NOT NULL,
    instructions TEXT NOT NULL,
    category_code VARCHAR(64) NULL,
    working_days INTEGER NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL,
    issued_by VARCHAR(200) NOT NULL,
    assigned_at TIMESTAMPTZ NOT NULL,
    due_at TIMESTAMPTZ NOT NULL,
    remind_at TIMESTAMPTZ NOT NULL,
    reminded_at TIMESTAMPTZ NULL,
    overdue_at TIMESTAMPTZ NULL,
    result TEXT NULL,
    completed_at TIMESTAMPTZ NULL,
    completed_on_time INTEGER NULL,
    rating VARCHAR(64) NULL,
    rating_comment TEXT NULL,
    evaluated_at TIMESTAMPTZ NULL,
    closed_at TIMESTAMPTZ NULL,
    reason TEXT NULL,
    requested_due_at TIMESTAMPTZ NULL,
    delay_decision VARCHAR(64) NULL,
    district_code VARCHAR(64) NULL,
    street_code VARCHAR(64) NULL,
    street_name VARCHAR(200) NULL,
    community_code VARCHAR(64) NULL,
    community_name VARCHAR(200) NULL,
    version INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT uq_task_orders_incident_source UNIQUE (incident_id, source)
)
GO
CREATE INDEX ix_task_orders_status_due ON task_orders (status, due_at)
GO
CREATE INDEX ix_task_orders_organisation ON task_orders (organisation_code)
GO
-- Every step, reminder and overdue of a task order, with the organisation it concerned: assessment counts from here.
CREATE TABLE task_order_events (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    task_order_id VARCHAR(36) NOT NULL REFERENCES task_orders (id),
    seq INTEGER NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    action VARCHAR(64) NOT NULL,
    actor VARCHAR(200) NOT NULL,
    actor_role VARCHAR(64) NULL,
    organisation_code VARCHAR(64) NOT NULL,
    previous_organisation_code VARCHAR(64) NULL,
    from_status VARCHAR(64) NULL,
    to_status VARCHAR(64) NOT NULL,
    due_at TIMESTAMPTZ NOT NULL,
    previous_due_at TIMESTAMPTZ NULL,
    reason TEXT NULL,
    rating VARCHAR(64) NULL,
    on_time INTEGER NULL
)
GO
CREATE UNIQUE INDEX ix_task_order_events_order ON task_order_events (task_order_id, seq)
GO
CREATE INDEX ix_task_order_events_at ON task_order_events (at, action)
