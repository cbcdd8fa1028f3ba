package org.opennrm.tasks;

/**
 * Tasks that their process assigns to one person, named in its model (a child's consent, given by the guardian
 * appointed for that child). Such a task is seen by that person and supervisors only: not by the rest of its candidate
 * group, not by a substitute covering an absence, and it is not handed to anyone else.
 */
public interface PersonalTasks {

	/** Whether the process assigns the tasks of this key in this process definition to one person. */
	boolean isPersonal(String processDefinitionId, String taskDefinitionKey);
}
