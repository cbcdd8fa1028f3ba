package org.opennrm.i18n;

import java.util.Collection;

/**
 * The catalogue codes of what the engine shows, so that code outside this module that sets such text (a Tasklist
 * filter, a notification naming a task) names it the way the translation of engine answers finds it.
 */
public final class ProcessTexts {

	/** The property of a Tasklist filter naming the catalogue code of its name and description. */
	public static final String FILTER_TEXT = "nrmText";

	/**
	 * The property of a Tasklist filter holding the arguments of its name and description: plain values, ISO dates
	 * (said in the reader's way), or {@link #GROUP_ARGUMENT} and a group id (said as the group's name).
	 */
	public static final String FILTER_TEXT_ARGUMENTS = "nrmTextArguments";

	/** Marks an argument of a filter's texts as a group id, said as the group's name. */
	public static final String GROUP_ARGUMENT = "group:";

	private ProcessTexts() {
	}

	/** The name of an element of a model (a task, an event; the process or decision itself by its key). */
	public static String element(String processKey, String elementId) {
		return "model." + processKey + "." + elementId;
	}

	/**
	 * A task's name in the reader's language, from its definition id ({@code key:version:id}) and key; its English name
	 * when the catalogues do not have it.
	 */
	public static Text taskName(String processDefinitionId, String taskDefinitionKey, String englishName) {
		int colon = processDefinitionId == null ? -1 : processDefinitionId.indexOf(':');
		String name = englishName == null ? taskDefinitionKey : englishName;
		return colon > 0 && taskDefinitionKey != null
				? Text.orElse(element(processDefinitionId.substring(0, colon), taskDefinitionKey), name)
				: Text.modelName(name);
	}

	/** The name of a process. */
	public static String process(String processKey) {
		return element(processKey, processKey);
	}

	/** The name of one of our groups (a role or an agency). */
	public static String group(String groupId) {
		return "group." + groupId + ".name";
	}

	/** The names of groups, as a list; a group the catalogues do not name is given by its id. */
	public static Text groups(Collection<String> groupIds) {
		return Text.list(groupIds.stream().map(id -> Text.orElse(group(id), id)).toList());
	}
}
