-- The language each user chose for the service (issue 12). A user who chose none is answered in their browser's.
create table nrm_user_language (
    user_id      varchar(64) primary key,
    language_tag varchar(35) not null,
    chosen_at    timestamp with time zone not null
);

-- What a notification says, as a catalogue text (JSON: code and arguments), so that each reader reads it in their own
-- language. Notifications raised before have only their English subject.
alter table nrm_notification add column subject_text varchar(1000);
