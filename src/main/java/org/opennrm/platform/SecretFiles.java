package org.opennrm.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A secret kept in a file an operator names (a Tink keyset, a JWK set), where the demo and the tests may have it
 * generated. Nodes that share a data folder and start together must end with one secret, not each its own: the
 * generated value is written whole to a temporary file of its own (on POSIX file systems readable by its owner only,
 * as the JDK creates temporary files) and then hard-linked into place, which fails for all but the first; the others
 * read what the first wrote. A folder on a file system without hard links is refused rather than raced on.
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
		Path written = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
		try {
			Files.writeString(written, generated, StandardCharsets.UTF_8);
			Files.createLink(file, written);
			return new Secret(generated, true);
		}
		catch (FileAlreadyExistsException ex) {
			return new Secret(Files.readString(file, StandardCharsets.UTF_8), false);
		}
		catch (UnsupportedOperationException ex) {
			throw new IOException("Cannot write " + file + " once for all nodes: its file system has no hard links. "
					+ "Keep generated secrets on a local file system, or give the secret in the environment", ex);
		}
		finally {
			Files.deleteIfExists(written);
		}
	}
}
