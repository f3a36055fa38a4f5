package io.chancery.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads UTF-8 lines from a stream without ever holding more than one line, and no line
 * longer than the limit: a longer line is skipped to its end and reported as too long.
 */
final class BoundedLineReader {

	/** Returned in place of a line that exceeded the limit. */
	static final String TOO_LONG = "\u0000too-long";

	private final InputStream in;

	private final int limit;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int length;

	BoundedLineReader(InputStream in, int limit) {
		this.in = in;
		this.limit = limit;
	}

	/** The next line without its terminator, {@link #TOO_LONG}, or null at the end. */
	@Nullable String next() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(256);
		boolean tooLong = false;
		boolean any = false;
		while (true) {
			if (this.position == this.length) {
				this.length = this.in.read(this.buffer);
				this.position = 0;
				if (this.length <= 0) {
					this.length = 0;
					return any ? finish(line, tooLong) : null;
				}
			}
			any = true;
			int start = this.position;
			while (this.position < this.length && this.buffer[this.position] != '\n') {
				this.position++;
			}
			int count = this.position - start;
			if (!tooLong) {
				if (line.size() + count > this.limit) {
					tooLong = true;
					line.reset();
				}
				else {
					line.write(this.buffer, start, count);
				}
			}
			if (this.position < this.length) {
				this.position++;
				return finish(line, tooLong);
			}
		}
	}

	private static String finish(ByteArrayOutputStream line, boolean tooLong) {
		if (tooLong) {
			return TOO_LONG;
		}
		String text = line.toString(StandardCharsets.UTF_8);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

}
