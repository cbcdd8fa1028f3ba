/**
 * The audit trail: an append-only, hash-chained record of every security-relevant event (logins and failed logins,
 * reads and writes of case file sections, task claims, assignments, delegations and completions, decisions with
 * their inputs and model version, consent changes, break-glass, exports, user, group and authorization changes),
 * written in the transaction of the event itself; its verification; and the auditor's views of it
 * ({@code /api/audit/**}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.opennrm.audit;
