/**
 * Retention and erasure: how long the engine keeps history (per process, from configuration) and when its history
 * cleanup runs; and, once a closed case's retention period has ended, the erasure of everything about the person
 * from every module and from engine history, leaving a non-identifying stub for statistics and an erasure record.
 * Modules that keep rows about a case take part by implementing {@link org.opennrm.retention.PersonalCaseData}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package org.opennrm.retention;
