package org.opennrm.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Where a file an operator edits is read from: the location a setting names, else {@code ./config/<name>} beside the
 * service, else the default packaged in the jar (the repository's {@code config/} folder).
 */
public final class OperatorFiles {

	private OperatorFiles() {
	}

	/**
	 * @param location a Spring resource location from the configuration; blank for none
	 * @param name the file's name under {@code config/}
	 */
	public static Resource locate(String location, String name) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		if (location != null && !location.isBlank()) {
			return loader.getResource(location);
		}
		return Files.isRegularFile(Path.of("config", name)) ? loader.getResource("file:config/" + name)
				: loader.getResource("classpath:config/" + name);
	}
}
