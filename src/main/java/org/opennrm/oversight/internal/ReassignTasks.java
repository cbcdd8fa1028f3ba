package org.opennrm.oversight.internal;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.platform.UserIds;

/**
 * Reassign one or more tasks to one worker, with a reason. All or nothing.
 *
 * @param taskIds the tasks (at most 100)
 * @param assignee the user id of the new assignee; they must belong to one of each task's candidate groups
 * @param reason why, 10 to 500 characters (no personal data)
 */
record ReassignTasks(@NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = TASK_ID, message = "{validation.taskId}") String> taskIds,
		@NotBlank @Size(max = UserIds.MAX_LENGTH) @Pattern(regexp = UserIds.FORM,
				message = "{validation.userId}") String assignee,
		@NotBlank @Size(min = 10, max = 500) String reason) {

	static final String TASK_ID = "[0-9a-fA-F-]{36}";
}
