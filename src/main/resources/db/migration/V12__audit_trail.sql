-- The audit trail: append-only, each entry chained to the one before by a SHA-256 hash, so that an edited, inserted
-- or deleted row breaks verification at that point. No case file content is ever written here.
--
-- What may identify a person is kept apart, so that erasure after a case's retention leaves a non-identifying stub
-- and an intact chain: the entry names its case by a random key (nrm_audit_case maps it to the case, and erasure
-- deletes that mapping), and its free text (purpose, detail) lives in nrm_audit_content under a salted digest that
-- the entry's hash covers (erasure deletes the text and the salt; the digest alone reveals nothing).
create table nrm_audit_entry (
    sequence            bigint        not null primary key,
    at                  timestamp with time zone not null,
    actor               varchar(64)   not null,
    type                varchar(32)   not null,
    case_key            varchar(36),
    process_instance_id varchar(64),
    subject             varchar(200),
    content_digest      varchar(64)   not null,
    previous_hash       varchar(64)   not null,
    hash                varchar(64)   not null
);
create index nrm_audit_case_ix on nrm_audit_entry (case_key, sequence);
create index nrm_audit_process_ix on nrm_audit_entry (process_instance_id, sequence);
create index nrm_audit_actor_ix on nrm_audit_entry (actor, at);

create table nrm_audit_content (
    sequence bigint        not null primary key,
    case_key varchar(36),
    salt     varchar(32)   not null,
    purpose  varchar(500),
    detail   varchar(4000)
);
create index nrm_audit_content_case_ix on nrm_audit_content (case_key);

create table nrm_audit_case (
    case_key       varchar(36) not null primary key,
    case_id        varchar(36) not null,
    case_reference varchar(40) not null,
    constraint nrm_audit_case_uk unique (case_id)
);

-- The head of the chain: the last sequence number and hash. Appending locks this one row, which orders concurrent
-- appends; a trail cut short at its end no longer matches its head.
create table nrm_audit_head (
    id            integer     not null primary key,
    last_sequence bigint      not null,
    last_hash     varchar(64) not null
);
insert into nrm_audit_head (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
