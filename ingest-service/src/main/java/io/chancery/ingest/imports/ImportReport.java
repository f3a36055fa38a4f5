package io.chancery.ingest.imports;

import java.util.List;

/**
 * Where an import stands, while it runs and at its end.
 *
 * @param importId the import's id, for {@code GET /api/v1/imports/{id}}
 * @param state running, completed, or interrupted (Kafka stopped acknowledging; lines
 * after {@code lastAcceptedLine} were not stored)
 * @param lines lines read so far
 * @param accepted lines published and acknowledged by Kafka
 * @param rejected lines refused
 * @param rejections the first rejections with their line numbers and reasons
 * @param rejectionsTruncated whether there were more rejections than listed
 */
public record ImportReport(String importId, String state, long lines, long accepted, long rejected,
		List<Rejection> rejections, boolean rejectionsTruncated) {

	/**
	 * A refused line.
	 *
	 * @param line its number, counting from 1
	 * @param reason why it was refused
	 */
	public record Rejection(long line, String reason) {
	}

}
