package org.opennrm.platform;

/**
 * A rule every command a signed-in user sends to the engine must pass, whatever path sent it: our API, Tasklist and
 * Cockpit through the webapps' engine API, or a client of the engine REST API. The engine calls the rules before the
 * command runs, for the outermost command only: what the engine or our own code does inside a command that passed
 * (a listener, a delegate, a trusted call) is the service's own work. Commands without a signed-in user (start-up,
 * the job executor) are the service's own work too.
 * <p>
 * A rule runs in the command context the command then runs in, so a task a rule reads through the engine's managers
 * is not read again by the command. A rule only reads: the context of a refused command closes as after a read.
 */
@FunctionalInterface
public interface EngineCommandRule {

	/**
	 * @throws ActionRefused when the user may not do this
	 * @throws InvalidFields when the values sent are not the fields this command takes
	 */
	void check(UserCommand command, EngineActor actor);
}
