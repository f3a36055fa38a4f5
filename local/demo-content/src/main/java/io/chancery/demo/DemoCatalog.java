package io.chancery.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An invented institution's back catalog as the NDJSON that ingest-service imports
 * ({@code POST /api/v1/import}): site details for {@code en} and {@code ru}, then
 * articles (speeches, interviews, opinion articles, statements) and events, day by day
 * from the first of January five years before {@code until} to {@code until}, many of
 * them in both languages under one id, a few events with "days since" counters.
 * <p>
 * The same seed and end date give the same lines, byte for byte: nothing depends on the
 * clock, the machine's locale or time zone. Lines are generated while they are read, so a
 * catalog of any length takes the memory of one day.
 */
public final class DemoCatalog {

	private final long seed;

	private final LocalDate from;

	private final LocalDate until;

	private DemoCatalog(long seed, LocalDate from, LocalDate until) {
		this.seed = seed;
		this.from = from;
		this.until = until;
	}

	/**
	 * The catalog for a seed, ending on {@code until}.
	 * @param seed any number; the local run and the README use 1
	 * @param until the last day of the catalog; one countdown points past it
	 * @return the catalog, whose lines are produced when read
	 */
	public static DemoCatalog generate(long seed, LocalDate until) {
		Objects.requireNonNull(until, "until");
		return new DemoCatalog(seed, until.minusYears(5).withDayOfYear(1), until);
	}

	public long seed() {
		return this.seed;
	}

	/** The first day with articles and events. */
	public LocalDate from() {
		return this.from;
	}

	public LocalDate until() {
		return this.until;
	}

	/** The lines, without their line feeds, generated afresh on every call. */
	public Stream<String> lines() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
				Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
	}

	/** The lines, generated afresh on every call. */
	public Iterator<String> iterator() {
		return new CatalogLines(this.seed, this.from, this.until);
	}

	/**
	 * Writes every line, each ended by a line feed, and flushes; the writer stays open.
	 * @param out where to write
	 * @return the number of lines written
	 * @throws IOException if writing fails
	 */
	public long writeTo(Writer out) throws IOException {
		long count = 0;
		for (Iterator<String> lines = iterator(); lines.hasNext();) {
			out.write(lines.next());
			out.write('\n');
			count++;
		}
		out.flush();
		return count;
	}

	/**
	 * Writes every line in UTF-8, each ended by a line feed, and flushes; the stream
	 * stays open.
	 * @param out where to write
	 * @return the number of lines written
	 * @throws IOException if writing fails
	 */
	public long writeTo(OutputStream out) throws IOException {
		return writeTo(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
	}

	@Override
	public String toString() {
		return "demo catalog, seed " + this.seed + ", " + this.from + " to " + this.until;
	}

}
