package io.chancery.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Writes the demo catalog to a file, or to standard output, for {@code curl} to import.
 * <p>
 * {@code --seed=N} (default 1), {@code --until=YYYY-MM-DD} or {@code --until=today} (the
 * date in London; required, so that a file is always reproducible from what its command
 * line says), {@code --out=FILE} (default {@code -}, standard output). A summary goes to
 * standard error.
 */
public final class DemoContentMain {

	private static final String USAGE = "Usage: DemoContentMain --until=YYYY-MM-DD|today [--seed=N] [--out=FILE|-]";

	private DemoContentMain() {
	}

	public static void main(String[] args) throws IOException {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(String[] args, PrintStream stdout, PrintStream stderr) throws IOException {
		long seed = 1;
		LocalDate until = null;
		String out = "-";
		try {
			for (String arg : args) {
				if (arg.startsWith("--seed=")) {
					seed = Long.parseLong(value(arg));
				}
				else if (arg.startsWith("--until=")) {
					until = value(arg).equals("today") ? LocalDate.now(ZoneId.of(Vocabulary.LONDON_ZONE))
							: LocalDate.parse(value(arg));
				}
				else if (arg.startsWith("--out=")) {
					out = value(arg);
				}
				else {
					throw new IllegalArgumentException("Unknown argument " + arg);
				}
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			stderr.println(ex.getMessage());
			stderr.println(USAGE);
			return 2;
		}
		if (until == null) {
			stderr.println("--until is required: the catalog ends on that day (for example --until=2026-11-30).");
			stderr.println(USAGE);
			return 2;
		}
		DemoCatalog catalog = DemoCatalog.generate(seed, until);
		long started = System.nanoTime();
		long lines;
		if (out.equals("-")) {
			lines = catalog.writeTo(stdout);
		}
		else {
			Path file = Path.of(out);
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			try (OutputStream stream = Files.newOutputStream(file)) {
				lines = catalog.writeTo(stream);
			}
		}
		stderr.printf("Wrote %d lines of the %s to %s in %d ms%n", lines, catalog, out.equals("-") ? "stdout" : out,
				(System.nanoTime() - started) / 1_000_000);
		return 0;
	}

	private static String value(String arg) {
		String value = arg.substring(arg.indexOf('=') + 1);
		if (value.isBlank()) {
			throw new IllegalArgumentException(arg + " needs a value");
		}
		return value;
	}

}
