-- Second factor for the built-in identity store (ADR 21): one enrolment per user, its TOTP key sealed with AES-256-GCM
-- (Tink AEAD, the sign-in keyset, bound to the user id) so that nothing here opens without the key from the
-- environment. last_step is the last time step a code was accepted for: a code is used once (a step not above it is a
-- replay). failures counts wrong or replayed codes in a row; locked_until ends a lockout.
create table nrm_second_factor (
    user_id     varchar(64)  not null primary key,
    key_id      bigint       not null,
    secret      bytea        not null,
    enrolled_at timestamp with time zone not null,
    last_step   bigint       not null,
    failures    integer      not null,
    locked_until timestamp with time zone
);

-- Single-use recovery codes, stored as SHA-256 digests of high-entropy codes shown once at enrolment.
create table nrm_recovery_code (
    user_id varchar(64) not null,
    digest  varchar(64) not null,
    used_at timestamp with time zone,
    primary key (user_id, digest)
);

-- Sessions of the pages and the webapps, kept by Spring Session JDBC so that every node sees the same sessions and a
-- user's sessions can be listed and ended (ADR 22). Spring Session's own schema, under our prefix.
create table nrm_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index nrm_session_ix1 on nrm_session (session_id);
create index nrm_session_ix2 on nrm_session (expiry_time);
create index nrm_session_ix3 on nrm_session (principal_name);

create table nrm_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name),
    constraint nrm_session_attributes_fk foreign key (session_primary_id) references nrm_session (primary_id)
        on delete cascade
);
