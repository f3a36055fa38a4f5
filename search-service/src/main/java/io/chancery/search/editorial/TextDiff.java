package io.chancery.search.editorial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.jspecify.annotations.Nullable;

/**
 * What changed in one field between two revisions, word by word: the text of the later
 * one in runs that both share, that it lost, and that it gained, which read in order give
 * back either text.
 *
 * @param field the field's name
 * @param changed whether the two differ
 * @param parts the runs, in reading order
 */
record TextDiff(String field, boolean changed, List<Part> parts) {

	/** A word, or the white space between words. */
	private static final Pattern TOKEN = Pattern.compile("\\S+|\\s+");

	/**
	 * One run of text.
	 *
	 * @param op {@code same}, {@code removed} or {@code added}
	 * @param text the run, white space included
	 */
	record Part(String op, String text) {
	}

	static TextDiff of(String field, @Nullable String before, @Nullable String after) {
		List<String> from = tokens(before);
		List<String> to = tokens(after);
		List<Part> parts = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
			append(parts, "same", from.subList(position, delta.getSource().getPosition()));
			append(parts, "removed", delta.getSource().getLines());
			append(parts, "added", delta.getTarget().getLines());
			position = delta.getSource().getPosition() + delta.getSource().size();
		}
		append(parts, "same", from.subList(position, from.size()));
		List<Part> readable = bridged(parts);
		return new TextDiff(field, readable.stream().anyMatch((part) -> !part.op().equals("same")), readable);
	}

	/**
	 * The runs with the white space between two changes taken into them: "an honour"
	 * replaced by "a great pleasure" reads as one change, not as three with the spaces
	 * kept between them.
	 */
	private static List<Part> bridged(List<Part> parts) {
		List<Part> readable = new ArrayList<>();
		StringBuilder removed = new StringBuilder();
		StringBuilder added = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			boolean changing = !removed.isEmpty() || !added.isEmpty();
			if (part.op().equals("same")) {
				boolean bridge = changing && part.text().isBlank() && i + 1 < parts.size()
						&& !parts.get(i + 1).op().equals("same");
				if (bridge) {
					removed.append(part.text());
					added.append(part.text());
					continue;
				}
				flush(readable, removed, added);
				readable.add(part);
			}
			else {
				(part.op().equals("removed") ? removed : added).append(part.text());
			}
		}
		flush(readable, removed, added);
		return readable;
	}

	private static void flush(List<Part> parts, StringBuilder removed, StringBuilder added) {
		if (!removed.isEmpty()) {
			parts.add(new Part("removed", removed.toString()));
			removed.setLength(0);
		}
		if (!added.isEmpty()) {
			parts.add(new Part("added", added.toString()));
			added.setLength(0);
		}
	}

	/** The text before, put together from the runs. */
	String before() {
		return join("added");
	}

	/** The text after, put together from the runs. */
	String after() {
		return join("removed");
	}

	private String join(String leftOut) {
		StringBuilder text = new StringBuilder();
		this.parts.stream().filter((part) -> !part.op().equals(leftOut)).forEach((part) -> text.append(part.text()));
		return text.toString();
	}

	private static List<String> tokens(@Nullable String text) {
		List<String> tokens = new ArrayList<>();
		if (text != null) {
			Matcher matcher = TOKEN.matcher(text);
			while (matcher.find()) {
				tokens.add(matcher.group());
			}
		}
		return tokens;
	}

	/** Adds a run, joined to the previous one when it is of the same kind. */
	private static void append(List<Part> parts, String op, List<String> tokens) {
		if (tokens.isEmpty()) {
			return;
		}
		String text = String.join("", tokens);
		if (!parts.isEmpty() && parts.get(parts.size() - 1).op().equals(op)) {
			Part last = parts.remove(parts.size() - 1);
			text = last.text() + text;
		}
		parts.add(new Part(op, text));
	}

}
