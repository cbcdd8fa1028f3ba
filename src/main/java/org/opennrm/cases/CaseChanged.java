package org.opennrm.cases;

import java.time.Instant;

/**
 * A case's registry entry changed: the state before and after, so that listeners (audit, statistics) see exactly
 * what moved (lead, status, person status, protection, risk, guardian, best interests, age group).
 */
public record CaseChanged(Case before, Case after, Instant at) {
}
