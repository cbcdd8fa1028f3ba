package org.opennrm.platform;

/**
 * Names of form fields that carry personal or sensitive content. Such values are stored in the case file, never in
 * engine tables: the engine's history leaves them out, whatever path set them.
 */
@FunctionalInterface
public interface SensitiveVariables {

	boolean isSensitive(String variableName);
}
