-- What gates steps of the pathway: age group, person status, protection from removal, risk, guardian, best interests.
alter table nrm_case add column age_group varchar(16) default 'Adult' not null;
alter table nrm_case add column person_status varchar(16) default 'AtRisk' not null;
alter table nrm_case add column protection varchar(32) default 'None' not null;
alter table nrm_case add column risk_level varchar(8);
alter table nrm_case add column risk_assessed_at timestamp with time zone;
alter table nrm_case add column guardian varchar(64);
alter table nrm_case add column bi_placement boolean;
alter table nrm_case add column bi_family_contact boolean;
alter table nrm_case add column bi_return boolean;
alter table nrm_case add column bi_determined_at timestamp with time zone;
