package org.opennrm.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The repository's own files, for tests that hold them to a rule; paths are relative to the project's root. */
public final class RepositoryFiles {

	private RepositoryFiles() {
	}

	/** The file's text as UTF-8; bytes that are not (images, fonts) read as replacement characters, never an error. */
	public static String text(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The regular files under the folder, at any depth, that pass the filter. */
	public static List<Path> under(String folder, Predicate<Path> which) {
		try (Stream<Path> files = Files.walk(Path.of(folder))) {
			return files.filter(Files::isRegularFile).filter(which).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
