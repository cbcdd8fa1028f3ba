package org.opennrm.oversight;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A supervisor recorded that a worker is away; the substitute covers their assigned tasks from the first to the last
 * day.
 */
public record AbsenceRecorded(String absenceId, String userId, String substitute, LocalDate firstDay,
		LocalDate lastDay, String reason, String by, Instant at) {
}
