package org.opennrm.oversight;

import java.time.Instant;

/**
 * An absence ended: a supervisor withdrew it ({@code by} names them) or its last day passed ({@code by} is
 * {@code null}). The substitute no longer covers the worker's tasks.
 */
public record AbsenceEnded(String absenceId, String userId, String substitute, String by, Instant at) {
}
