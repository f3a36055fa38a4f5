package io.chancery.search.editorial;

import java.io.IOException;
import java.io.Writer;

import org.jspecify.annotations.Nullable;

/** The audit's lines as CSV (RFC 4180): quoted where a value needs it. */
final class AuditCsv {

	private AuditCsv() {
	}

	static void header(Writer out) throws IOException {
		out.write("at,action,author,authorName,type,id,locale,revision,major,note,importId\r\n");
	}

	static void line(Writer out, StoredRevision change) throws IOException {
		out.write(String.join(",", change.at().toString(), change.action(), field(change.author()),
				field(change.authorName()), change.type(), field(change.id()), change.locale(),
				Long.toString(change.revision()), Boolean.toString(change.major()), field(change.note()),
				field(change.importId())));
		out.write("\r\n");
	}

	/**
	 * A value as one CSV field. A value a spreadsheet would read as a formula is given a
	 * leading apostrophe, so an editor's note cannot run in the admin's spreadsheet.
	 */
	static String field(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
