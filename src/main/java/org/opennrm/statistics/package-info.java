/**
 * Anti-trafficking statistics that expose no one: national tables of registered victims and of the referral process,
 * a Eurostat-shaped table, a regional exchange template of aggregates and a record-level export in the CTDC
 * vocabulary. Counts come from one coarsened row per person, kept under a random id that erasure cuts off from the
 * case; every released table goes through cell suppression ({@link org.opennrm.statistics.disclosure}) and the record
 * export through k-anonymity. Statistics users see no case-level data; every export is published as
 * {@link org.opennrm.statistics.StatisticsExported} for the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.opennrm.statistics;
