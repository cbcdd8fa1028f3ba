-- Field screenings by mobile identification teams (issue 15). One row per case a team opened on the field page: the
-- opaque id the page's addresses use (never the case reference), the opening form's idempotency key (a resubmitted
-- form finds its case instead of opening a second one), and the answers given so far, sealed with the case file's key,
-- so that a dropped connection or another phone loses nothing. The answers are removed when the screening is
-- submitted: from then on they live in the case file's identification section only. The row is written before the
-- case is opened (case id and reference follow in the same transaction), so that a concurrent resubmission waits on the
-- idempotency key and then finds the case instead of racing it.
create table nrm_field_screening (
    screening_id   varchar(36) primary key,
    request_id     varchar(36) not null,
    case_id        varchar(36),
    case_reference varchar(40),
    suspected_exploitation varchar(40) not null,
    team           varchar(64) not null,
    opened_by      varchar(64) not null,
    answers        bytea,
    answers_saved  integer     not null,
    opened_at      timestamp with time zone not null,
    constraint uq_field_screening_request unique (request_id)
);
create index ix_field_screening_team on nrm_field_screening (team, opened_at);
create index ix_field_screening_case on nrm_field_screening (case_id);
