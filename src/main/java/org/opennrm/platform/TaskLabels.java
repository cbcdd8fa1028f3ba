package org.opennrm.platform;

/**
 * Task variables that only repeat a variable of the task's process, set on each task so that task lists and Tasklist
 * can show and search by it (the case reference). The engine's history leaves them out: it would repeat the process
 * variable's history with a row and a detail per task, which nothing reads.
 */
@FunctionalInterface
public interface TaskLabels {

	boolean isLabel(String variableName);
}
