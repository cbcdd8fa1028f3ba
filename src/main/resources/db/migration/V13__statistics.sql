-- Statistics count persons, not cases of paperwork: one row per person (case) holding only what the national tables
-- break down by, already coarsened: year and quarter of registration (never a date), an age band (never a date of
-- birth), a citizenship code, picklist codes, and durations in whole days. No name, reference, user id or free text.
-- The row is kept under a random id; only nrm_statistics_link ties it to a case, and erasure deletes that link, so the
-- counts stay while nothing leads back to the person.
create table nrm_statistics_person (
    stat_id                 varchar(36) not null primary key,
    jurisdiction            varchar(32) not null,
    registered_year         integer     not null,
    registered_quarter      integer     not null,
    referring_agency        varchar(64) not null,
    sex                     varchar(32) not null,
    age_band                varchar(16) not null,
    majority                varchar(8)  not null,
    citizenship             varchar(2),
    citizenship_group       varchar(8)  not null,
    exploitation            varchar(16) not null,
    forced_marriage         boolean     not null,
    forced_military         boolean     not null,
    organ_removal           boolean     not null,
    slavery_and_practices   boolean     not null,
    forced_criminality      boolean     not null,
    abducted                boolean     not null,
    person_status           varchar(16) not null,
    registered_victim       boolean     not null,
    identified              boolean     not null,
    case_status             varchar(16) not null,
    days_to_preliminary     integer,
    preliminary_in_time     boolean,
    days_to_formal          integer,
    formal_in_time          boolean,
    escalations             integer     not null,
    constraint nrm_statistics_quarter_ck check (registered_quarter between 1 and 4),
    constraint nrm_statistics_days_ck check (days_to_preliminary >= 0 and days_to_formal >= 0)
);
create index nrm_statistics_period_ix on nrm_statistics_person (registered_year, registered_quarter, jurisdiction);

-- Multiple answers per person: means of control, sectors and forms of exploitation, services delivered.
create table nrm_statistics_attribute (
    stat_id varchar(36) not null,
    kind    varchar(16) not null,
    code    varchar(32) not null,
    constraint nrm_statistics_attribute_pk primary key (stat_id, kind, code),
    constraint nrm_statistics_attribute_fk foreign key (stat_id) references nrm_statistics_person (stat_id)
        on delete cascade,
    constraint nrm_statistics_attribute_kind_ck check (kind in ('Control', 'Labour', 'Sexual', 'Service'))
);
create index nrm_statistics_attribute_kind_ix on nrm_statistics_attribute (kind, code);

-- The only tie between a case and its statistics row; erasure removes it.
create table nrm_statistics_link (
    case_id varchar(36) not null primary key,
    stat_id varchar(36) not null,
    constraint nrm_statistics_link_stat_uk unique (stat_id),
    constraint nrm_statistics_link_stat_fk foreign key (stat_id) references nrm_statistics_person (stat_id)
);
