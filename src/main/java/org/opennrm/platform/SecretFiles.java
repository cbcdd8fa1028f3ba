package org.opennrm.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret kept in a file an operator names (a keyset, a key set), where the demo and the tests may have it generated.
 * Nodes that share a data folder and start together must end with one secret, not each its own: the generated value
 * is written whole to a file of its own, readable by its owner only from the start, and then linked into place, which
 * fails for all but the first; the others read what the first wrote.
 */
public final class SecretFiles {

	private SecretFiles() {
	}

	/**
	 * @param value the file's content
	 * @param generated whether this call generated and wrote it
	 */
	public record Secret(String value, boolean generated) {

		@Override
		public String toString() {
			return "Secret[generated=" + this.generated + "]";
		}
	}

	/** The file's content, or {@code generate}'s written into the file if there is none yet. */
	public static Secret readOrGenerate(Path file, Supplier<String> generate) throws IOException {
		if (Files.isRegularFile(file)) {
			return new Secret(Files.readString(file, StandardCharsets.UTF_8), false);
		}
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		String generated = generate.get();
		Path written = Files.createTempFile(folder, "." + file.getFileName(), ".tmp", ownerOnly());
		try {
			Files.writeString(written, generated, StandardCharsets.UTF_8);
			try {
				Files.createLink(file, written);
			}
			catch (FileAlreadyExistsException ex) {
				return new Secret(Files.readString(file, StandardCharsets.UTF_8), false);
			}
			catch (UnsupportedOperationException | IOException noLinks) {
				// A file system without hard links: a move that refuses to replace, nearly as good.
				try {
					Files.move(written, file);
				}
				catch (FileAlreadyExistsException ex) {
					return new Secret(Files.readString(file, StandardCharsets.UTF_8), false);
				}
			}
			return new Secret(generated, true);
		}
		finally {
			Files.deleteIfExists(written);
		}
	}

	private static FileAttribute<?>[] ownerOnly() {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
	}
}
