-- The audit trail: append-only, each entry chained to the one before by a SHA-256 hash, so that an edited, inserted
-- or deleted row breaks verification at that point. No case file content is ever written here.
create table nrm_audit_entry (
    sequence            bigint        not null primary key,
    at                  timestamp with time zone not null,
    actor               varchar(64)   not null,
    type                varchar(32)   not null,
    case_id             varchar(36),
    case_reference      varchar(40),
    process_instance_id varchar(64),
    subject             varchar(200),
    purpose             varchar(500),
    detail              varchar(4000),
    previous_hash       varchar(64)   not null,
    hash                varchar(64)   not null
);
create index nrm_audit_case_ix on nrm_audit_entry (case_id, sequence);
create index nrm_audit_process_ix on nrm_audit_entry (process_instance_id, sequence);
create index nrm_audit_actor_ix on nrm_audit_entry (actor, at);

-- The head of the chain: the last sequence number and hash. Appending locks this one row, which orders concurrent
-- appends; a trail cut short at its end no longer matches its head.
create table nrm_audit_head (
    id            integer     not null primary key,
    last_sequence bigint      not null,
    last_hash     varchar(64) not null
);
insert into nrm_audit_head (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
