package org.opennrm.tasks;

import java.time.Instant;

/** A user claimed ({@code assignee} set) or released ({@code assignee} null) a task through our API. */
public record TaskClaimed(String taskId, String taskType, String processInstanceId, String assignee, String userId,
		Instant at) {
}
