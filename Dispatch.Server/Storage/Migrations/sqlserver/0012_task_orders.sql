-- Task orders (任务单 / 交办单): follow-up work handed to an organisation with a working-day deadline.
-- One per incident and source: a redelivered hand-over or grid event issues nothing twice.
CREATE TABLE task_orders (
    id NVARCHAR(36) NOT NULL PRIMARY KEY,
    incident_id NVARCHAR(36) NOT NULL REFERENCES incidents (id),
    source NVARCHAR(64) NOT NULL,
    organisation_code NVARCHAR(64) NOT NULL,
    organisation_name NVARCHAR(200) NOT NULL,
    organisation_type NVARCHAR(64) NOT NULL,
    status NVARCHAR(64) NOT NULL,
    instructions NVARCHAR(MAX) NOT NULL,
    category_code NVARCHAR(64) NULL,
    working_days INT NOT NULL,
    issued_at DATETIMEOFFSET(7) NOT NULL,
    issued_by NVARCHAR(200) NOT NULL,
    assigned_at DATETIMEOFFSET(7) NOT NULL,
    due_at DATETIMEOFFSET(7) NOT NULL,
    remind_at DATETIMEOFFSET(7) NOT NULL,
    reminded_at DATETIMEOFFSET(7) NULL,
    overdue_at DATETIMEOFFSET(7) NULL,
    result NVARCHAR(MAX) NULL,
    completed_at DATETIMEOFFSET(7) NULL,
    completed_on_time INT NULL,
    rating NVARCHAR(64) NULL,
    rating_comment NVARCHAR(MAX) NULL,
    evaluated_at DATETIMEOFFSET(7) NULL,
    closed_at DATETIMEOFFSET(7) NULL,
    reason NVARCHAR(MAX) NULL,
    requested_due_at DATETIMEOFFSET(7) NULL,
    delay_decision NVARCHAR(64) NULL,
    district_code NVARCHAR(64) NULL,
    street_code NVARCHAR(64) NULL,
    street_name NVARCHAR(200) NULL,
    community_code NVARCHAR(64) NULL,
    community_name NVARCHAR(200) NULL,
    version INT NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_task_orders_incident_source UNIQUE (incident_id, source)
)
GO
CREATE INDEX ix_task_orders_status_due ON task_orders (status, due_at)
GO
CREATE INDEX ix_task_orders_organisation ON task_orders (organisation_code)
GO
-- Every step, reminder and overdue of a task order, with the organisation it concerned: assessment counts from here.
CREATE TABLE task_order_events (
    id NVARCHAR(36) NOT NULL PRIMARY KEY,
    task_order_id NVARCHAR(36) NOT NULL REFERENCES task_orders (id),
    seq INT NOT NULL,
    at DATETIMEOFFSET(7) NOT NULL,
    action NVARCHAR(64) NOT NULL,
    actor NVARCHAR(200) NOT NULL,
    actor_role NVARCHAR(64) NULL,
    organisation_code NVARCHAR(64) NOT NULL,
    previous_organisation_code NVARCHAR(64) NULL,
    from_status NVARCHAR(64) NULL,
    to_status NVARCHAR(64) NOT NULL,
    due_at DATETIMEOFFSET(7) NOT NULL,
    previous_due_at DATETIMEOFFSET(7) NULL,
    reason NVARCHAR(MAX) NULL,
    rating NVARCHAR(64) NULL,
    on_time INT NULL
)
GO
CREATE UNIQUE INDEX ix_task_order_events_order ON task_order_events (task_order_id, seq)
GO
CREATE INDEX ix_task_order_events_at ON task_order_events (at, action)
