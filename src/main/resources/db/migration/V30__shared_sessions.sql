-- Sessions of the pages and the webapps, kept by Spring Session JDBC so that every node behind the balancer sees the
-- same sessions (ADR 31). Spring Session's own schema under our prefix; "if not exists" because the sign-in work of
-- issue 14 creates the same tables (V14) on branches that have it.
create table if not exists nrm_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index if not exists nrm_session_ix1 on nrm_session (session_id);
create index if not exists nrm_session_ix2 on nrm_session (expiry_time);
create index if not exists nrm_session_ix3 on nrm_session (principal_name);

create table if not exists nrm_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name),
    constraint nrm_session_attributes_fk foreign key (session_primary_id) references nrm_session (primary_id)
        on delete cascade
);
