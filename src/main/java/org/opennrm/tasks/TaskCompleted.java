package org.opennrm.tasks;

import java.time.Instant;

/** A user completed a task through our API. */
public record TaskCompleted(String taskId, String taskType, String processInstanceId, String userId,
		Instant completedAt) {
}
