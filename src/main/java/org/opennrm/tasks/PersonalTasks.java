package org.opennrm.tasks;

/**
 * Tasks that their process assigns to one person, named in its model (a child's consent, given by the guardian
 * appointed for that child). Such a task is seen by that person and supervisors only: not by the rest of its candidate
 * group, not by a substitute covering an absence, and it is not handed to anyone else.
 */
public interface PersonalTasks {

	/** Whether the process assigns the tasks of this key in this process definition to one person. */
	boolean isPersonal(String processDefinitionId, String taskDefinitionKey);

	/**
	 * Gives the case's open tasks for one person of this group to this user, whoever holds them now (the case names
	 * another person: a child's new guardian), and takes back every other user's grant on each (its former holders').
	 * Only once the caller has been checked: it is the one way such a task reaches another person.
	 *
	 * @param caseReference the case (the business key of its process instances)
	 * @param groupId the group the tasks are for (their candidate group)
	 * @param userId who holds them from now on
	 */
	void handOver(String caseReference, String groupId, String userId);
}
