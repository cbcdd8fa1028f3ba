package org.opennrm.tasks;

import java.time.Instant;

/**
 * A task as our API shows it: where it belongs and where it stands, never case content.
 *
 * @param id task id
 * @param name the task's label
 * @param taskType the task's id in the model, e.g. {@code Task_ScreenIndicators}
 * @param processKey the process it belongs to
 * @param caseReference the case it works on
 * @param form the name of the body that completes it ({@code null} if it cannot be completed through the API)
 * @param assignee who has claimed it, if anyone
 * @param created when it was created
 * @param due when it is due, if it has a deadline
 */
public record TaskView(String id, String name, String taskType, String processKey, String caseReference, String form,
		String assignee, Instant created, Instant due) {
}
