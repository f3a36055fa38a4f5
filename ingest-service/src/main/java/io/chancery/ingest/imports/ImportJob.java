package io.chancery.ingest.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of one running import, read by progress requests while the import thread
 * writes them.
 */
final class ImportJob {

	static final int LISTED_REJECTIONS = 10_000;

	private final String id;

	private long lines;

	private long accepted;

	private long rejected;

	private String state = "running";

	private final List<ImportReport.Rejection> rejections = new ArrayList<>();

	ImportJob(String id) {
		this.id = id;
	}

	synchronized void read(long lines) {
		this.lines = lines;
	}

	synchronized void accept() {
		this.accepted++;
	}

	synchronized void reject(long line, String reason) {
		this.rejected++;
		if (this.rejections.size() < LISTED_REJECTIONS) {
			this.rejections.add(new ImportReport.Rejection(line, reason));
		}
	}

	synchronized void finish(String state) {
		this.state = state;
	}

	synchronized ImportReport report() {
		return new ImportReport(this.id, this.state, this.lines, this.accepted, this.rejected,
				List.copyOf(this.rejections), this.rejected > this.rejections.size());
	}

	/** A progress view without the rejection list, cheap enough to poll. */
	synchronized ImportReport progress() {
		return new ImportReport(this.id, this.state, this.lines, this.accepted, this.rejected, List.of(),
				this.rejected > 0);
	}

}
