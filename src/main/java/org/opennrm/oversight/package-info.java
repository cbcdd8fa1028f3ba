/**
 * The supervisor workspace: open cases by stage, lead agency and jurisdiction; overdue and due-soon tasks with the
 * state of their deadline; workload per caseworker and per group; escalations waiting. Supervisors reassign tasks with
 * a reason and record absences with a named substitute, who covers the absent worker's tasks while the absence lasts;
 * on the page they also appoint another guardian for a child ({@link org.opennrm.child.Guardianship}).
 * Every change is published as an event ({@link org.opennrm.oversight.TasksReassigned},
 * {@link org.opennrm.oversight.AbsenceRecorded}, {@link org.opennrm.oversight.AbsenceEnded}) for the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervisor workspace")
package org.opennrm.oversight;
