-- LorKit schema: the whole letter domain. Runs unchanged on H2 2.x and PostgreSQL 15.
-- Every tenant-owned table carries AGENCY_ID, which EclipseLink's multitenancy adds to each query;
-- indexes lead with it because every query filters on it.

-- EclipseLink reads a sequence value as the last id of a block of 50, so the first value is 50.
CREATE SEQUENCE lorkit_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE agency (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    version              BIGINT       NOT NULL,
    slug                 VARCHAR(60)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    sender_name          VARCHAR(200) NOT NULL,
    reply_to             VARCHAR(254),
    time_zone            VARCHAR(60)  NOT NULL,
    first_reminder_days  INTEGER      NOT NULL DEFAULT 14,
    second_reminder_days INTEGER      NOT NULL DEFAULT 10,
    not_coming_days      INTEGER      NOT NULL DEFAULT 7,
    created_at           TIMESTAMP    NOT NULL,
    CONSTRAINT uq_agency_slug UNIQUE (slug)
);

CREATE TABLE cohort (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    agency_id          BIGINT       NOT NULL REFERENCES agency (id),
    version            BIGINT       NOT NULL,
    name               VARCHAR(120) NOT NULL,
    match_year         INTEGER      NOT NULL,
    target_specialty   VARCHAR(40)  NOT NULL,
    eras_opens_on      DATE,
    planned_submit_on  DATE         NOT NULL,
    programs_review_on DATE,
    archived           BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_cohort_agency ON cohort (agency_id, archived, planned_submit_on);

CREATE TABLE student (
    id                BIGINT       NOT NULL PRIMARY KEY,
    agency_id         BIGINT       NOT NULL REFERENCES agency (id),
    version           BIGINT       NOT NULL,
    cohort_id         BIGINT       NOT NULL REFERENCES cohort (id),
    full_name         VARCHAR(200) NOT NULL,
    email             VARCHAR(254) NOT NULL,
    medical_school    VARCHAR(200),
    country           VARCHAR(100),
    eras_aamc_id      VARCHAR(8),
    nrmp_id           VARCHAR(20),
    planned_submit_on DATE,
    CONSTRAINT uq_student_email UNIQUE (agency_id, email)
);
CREATE INDEX ix_student_cohort ON student (agency_id, cohort_id);

CREATE TABLE student_target_specialty (
    student_id BIGINT      NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    preference INTEGER     NOT NULL,
    specialty  VARCHAR(40) NOT NULL,
    PRIMARY KEY (student_id, preference)
);

CREATE TABLE attending (
    id          BIGINT       NOT NULL PRIMARY KEY,
    agency_id   BIGINT       NOT NULL REFERENCES agency (id),
    version     BIGINT       NOT NULL,
    full_name   VARCHAR(200) NOT NULL,
    email       VARCHAR(254) NOT NULL,
    title       VARCHAR(30)  NOT NULL,
    specialty   VARCHAR(40)  NOT NULL,
    us_based    BOOLEAN      NOT NULL,
    institution VARCHAR(200),
    CONSTRAINT uq_attending_email UNIQUE (agency_id, email)
);

CREATE TABLE rotation (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    agency_id           BIGINT       NOT NULL REFERENCES agency (id),
    version             BIGINT       NOT NULL,
    student_id          BIGINT       NOT NULL REFERENCES student (id),
    site                VARCHAR(200) NOT NULL,
    specialty           VARCHAR(40)  NOT NULL,
    setting             VARCHAR(20)  NOT NULL,
    kind                VARCHAR(20)  NOT NULL,
    academic_affiliated BOOLEAN      NOT NULL,
    start_date          DATE         NOT NULL,
    end_date            DATE         NOT NULL,
    CONSTRAINT ck_rotation_dates CHECK (end_date >= start_date)
);
CREATE INDEX ix_rotation_student ON rotation (agency_id, student_id, start_date);
CREATE INDEX ix_rotation_end ON rotation (agency_id, end_date);

CREATE TABLE supervision (
    id           BIGINT  NOT NULL PRIMARY KEY,
    agency_id    BIGINT  NOT NULL REFERENCES agency (id),
    version      BIGINT  NOT NULL,
    rotation_id  BIGINT  NOT NULL REFERENCES rotation (id),
    attending_id BIGINT  NOT NULL REFERENCES attending (id),
    contact_days INTEGER NOT NULL,
    CONSTRAINT uq_supervision UNIQUE (rotation_id, attending_id)
);
CREATE INDEX ix_supervision_attending ON supervision (agency_id, attending_id);

CREATE TABLE work_log_entry (
    id          BIGINT        NOT NULL PRIMARY KEY,
    agency_id   BIGINT        NOT NULL REFERENCES agency (id),
    version     BIGINT        NOT NULL,
    rotation_id BIGINT        NOT NULL REFERENCES rotation (id),
    entry_date  DATE          NOT NULL,
    kind        VARCHAR(30)   NOT NULL,
    text        VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_work_log_rotation ON work_log_entry (agency_id, rotation_id, entry_date);

CREATE TABLE feedback_check (
    id             BIGINT        NOT NULL PRIMARY KEY,
    agency_id      BIGINT        NOT NULL REFERENCES agency (id),
    version        BIGINT        NOT NULL,
    rotation_id    BIGINT        NOT NULL REFERENCES rotation (id),
    attending_id   BIGINT        NOT NULL REFERENCES attending (id),
    checked_on     DATE          NOT NULL,
    what_they_said VARCHAR(2000) NOT NULL,
    signal         VARCHAR(20)   NOT NULL
);
CREATE INDEX ix_feedback_rotation ON feedback_check (agency_id, rotation_id);

CREATE TABLE letter_request (
    id                 BIGINT      NOT NULL PRIMARY KEY,
    agency_id          BIGINT      NOT NULL REFERENCES agency (id),
    version            BIGINT      NOT NULL,
    student_id         BIGINT      NOT NULL REFERENCES student (id),
    attending_id       BIGINT      NOT NULL REFERENCES attending (id),
    rotation_id        BIGINT      NOT NULL REFERENCES rotation (id),
    specialty          VARCHAR(40) NOT NULL,
    state              VARCHAR(20) NOT NULL,
    value_rank         INTEGER     NOT NULL,
    offered_unprompted BOOLEAN     NOT NULL DEFAULT FALSE,
    deadline           DATE,
    asked_on           DATE,
    kit_sent_on        DATE,
    last_reminder_on   DATE,
    reminders_sent     INTEGER     NOT NULL DEFAULT 0,
    remind_on          DATE,
    created_at         TIMESTAMP   NOT NULL,
    state_changed_at   TIMESTAMP   NOT NULL
);
-- Dashboards: letters by state per agency, per student, per attending; the reminder sweep by kit date.
CREATE INDEX ix_letter_state ON letter_request (agency_id, state);
CREATE INDEX ix_letter_student ON letter_request (agency_id, student_id, state);
CREATE INDEX ix_letter_attending ON letter_request (agency_id, attending_id, state);
CREATE INDEX ix_letter_awaiting ON letter_request (state, kit_sent_on);

CREATE TABLE letter_request_event (
    id                BIGINT        NOT NULL PRIMARY KEY,
    agency_id         BIGINT        NOT NULL REFERENCES agency (id),
    version           BIGINT        NOT NULL,
    letter_request_id BIGINT        NOT NULL REFERENCES letter_request (id),
    from_state        VARCHAR(20),
    to_state          VARCHAR(20)   NOT NULL,
    actor             VARCHAR(200)  NOT NULL,
    reason            VARCHAR(1000),
    occurred_at       TIMESTAMP     NOT NULL
);
CREATE INDEX ix_event_request ON letter_request_event (agency_id, letter_request_id, occurred_at);
CREATE INDEX ix_event_funnel ON letter_request_event (agency_id, to_state, occurred_at);

CREATE TABLE student_document (
    id           BIGINT       NOT NULL PRIMARY KEY,
    agency_id    BIGINT       NOT NULL REFERENCES agency (id),
    version      BIGINT       NOT NULL,
    student_id   BIGINT       NOT NULL REFERENCES student (id),
    kind         VARCHAR(30)  NOT NULL,
    doc_version  INTEGER      NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMP    NOT NULL,
    CONSTRAINT uq_document_version UNIQUE (agency_id, student_id, kind, doc_version)
);

-- The bytes apart from the metadata, so listing documents never reads them.
CREATE TABLE document_content (
    document_id BIGINT       NOT NULL PRIMARY KEY REFERENCES student_document (id) ON DELETE CASCADE,
    agency_id   BIGINT       NOT NULL REFERENCES agency (id),
    content     ${blob_type} NOT NULL
);

CREATE TABLE outbox_email (
    id                BIGINT         NOT NULL PRIMARY KEY,
    agency_id         BIGINT         NOT NULL REFERENCES agency (id),
    version           BIGINT         NOT NULL,
    dedup_key         VARCHAR(200)   NOT NULL,
    kind              VARCHAR(40)    NOT NULL,
    letter_request_id BIGINT         REFERENCES letter_request (id),
    to_address        VARCHAR(254)   NOT NULL,
    reply_to          VARCHAR(254),
    subject           VARCHAR(300)   NOT NULL,
    body_text         VARCHAR(20000) NOT NULL,
    body_html         VARCHAR(60000),
    status            VARCHAR(20)    NOT NULL,
    attempts          INTEGER        NOT NULL DEFAULT 0,
    due_at            TIMESTAMP      NOT NULL,
    sent_at           TIMESTAMP,
    last_error        VARCHAR(1000),
    CONSTRAINT uq_outbox_dedup UNIQUE (agency_id, dedup_key)
);
-- The sender claims due rows across agencies.
CREATE INDEX ix_outbox_due ON outbox_email (status, due_at);
