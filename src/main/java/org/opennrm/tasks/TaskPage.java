package org.opennrm.tasks;

import java.util.List;

/** One page of tasks and how many there are in all. */
public record TaskPage(List<TaskView> tasks, long total, int firstResult, int maxResults) {
}
