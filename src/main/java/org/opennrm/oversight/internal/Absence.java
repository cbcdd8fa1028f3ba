package org.opennrm.oversight.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded absence.
 *
 * @param id absence id
 * @param userId the absent worker
 * @param substitute who covers their assigned tasks meanwhile
 * @param firstDay first day away
 * @param lastDay last day away
 * @param reason why it was recorded
 * @param recordedBy the supervisor who recorded it
 * @param recordedAt when
 * @param active whether the substitute covers the worker's tasks now
 */
record Absence(String id, String userId, String substitute, LocalDate firstDay, LocalDate lastDay, String reason,
		String recordedBy, Instant recordedAt, boolean active) {
}
