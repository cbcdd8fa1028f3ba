/**
 * Caseworkers' tasks through our API: list what I may act on, claim, unclaim, and complete with a typed, validated
 * body per task type. Features register their task types as {@link org.opennrm.tasks.TaskForm} beans; the same
 * validation applies to a form submitted in Tasklist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package org.opennrm.tasks;
