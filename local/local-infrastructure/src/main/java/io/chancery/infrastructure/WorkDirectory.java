package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where unpacked distributions and instance data live. {@code CHANCERY_WORK_DIR} sets it;
 * the default is a folder in the system temporary directory, which, unlike a home
 * directory, the unprivileged user Elasticsearch runs as when we are root can reach.
 */
final class WorkDirectory {

	private WorkDirectory() {
	}

	static Path root() {
		String configured = System.getenv("CHANCERY_WORK_DIR");
		Path root = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: Path.of(System.getProperty("java.io.tmpdir"), "chancery-" + System.getProperty("user.name"));
		return createReadable(root.toAbsolutePath());
	}

	/**
	 * A directory others may read and enter (0755), whatever the umask or the temp-file
	 * defaults.
	 */
	static Path createReadable(Path directory) {
		try {
			Files.createDirectories(directory);
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + directory, ex);
		}
	}

	/**
	 * A fresh directory for one test instance, named after this process so that the next
	 * start can tell a stale one (its process is gone) and delete it.
	 */
	static Path freshInstance(String component) {
		Path instances = createReadable(root().resolve("instances"));
		deleteStale(instances);
		return createReadable(
				instances.resolve(component + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
	}

	private static void deleteStale(Path instances) {
		try (Stream<Path> entries = Files.list(instances)) {
			entries.filter(WorkDirectory::ownerIsGone).forEach(WorkDirectory::deleteRecursively);
		}
		catch (IOException ex) {
			// Clean-up is best effort; a stale directory never breaks a start because
			// every start gets its own.
		}
	}

	private static boolean ownerIsGone(Path instance) {
		String[] parts = instance.getFileName().toString().split("-");
		if (parts.length < 3) {
			return false;
		}
		try {
			long pid = Long.parseLong(parts[parts.length - 2]);
			return ProcessHandle.of(pid).map((handle) -> !handle.isAlive()).orElse(true);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try {
			Files.walkFileTree(path, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			try (Stream<Path> rest = Files.walk(path)) {
				rest.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
			catch (IOException ignored) {
				// What is left is reported by nobody and cleaned by the next start.
			}
		}
	}

}
