package io.chancery.benchmarks.report;

import java.util.Locale;

/** Numbers as the report writes them: grouped thousands, fixed decimals. */
public final class Format {

	private Format() {
	}

	public static String decimal(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	public static String whole(double value) {
		return decimal(value, 0);
	}

	public static String megabytes(long bytes) {
		return whole(bytes / 1024.0 / 1024.0) + " MB";
	}

}
