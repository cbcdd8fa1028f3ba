-- Absences that supervisors record: while one is active (from its first to its last day, in the default
-- jurisdiction's time zone, until someone ends it) the named substitute covers the absent worker's assigned tasks.
create table nrm_absence (
    absence_id  varchar(36)  not null primary key,
    user_id     varchar(64)  not null,
    substitute  varchar(64)  not null,
    first_day   date         not null,
    last_day    date         not null,
    reason      varchar(500) not null,
    recorded_by varchar(64)  not null,
    recorded_at timestamp with time zone not null,
    ended_by    varchar(64),
    ended_at    timestamp with time zone,
    constraint nrm_absence_days_ck check (last_day >= first_day),
    constraint nrm_absence_substitute_ck check (substitute <> user_id)
);
create index nrm_absence_user_ix on nrm_absence (user_id, last_day);

-- The candidate-user links this service added for a cover, so that exactly those are taken away when it ends.
create table nrm_absence_cover (
    absence_id varchar(36) not null,
    task_id    varchar(64) not null,
    substitute varchar(64) not null,
    primary key (absence_id, task_id)
);
create index nrm_absence_cover_task_ix on nrm_absence_cover (task_id);
