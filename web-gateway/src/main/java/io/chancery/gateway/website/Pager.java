package io.chancery.gateway.website;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Numbered pages around the current one, with the first and the last, as plain links.
 *
 * @param links the pager's entries in order; none when there is one page
 */
public record Pager(List<Link> links) {

	static Pager of(int page, int pages, IntFunction<String> link, Words.In words) {
		if (pages <= 1) {
			return new Pager(List.of());
		}
		TreeSet<Integer> numbers = new TreeSet<>(List.of(1, pages));
		for (int number = Math.max(1, page - 2); number <= Math.min(pages, page + 2); number++) {
			numbers.add(number);
		}
		List<Link> links = new ArrayList<>();
		if (page > 1) {
			links.add(new Link("previous", link.apply(page - 1), words.t("search.previous"), null, "prev"));
		}
		int last = 0;
		for (int number : numbers) {
			if (number - last > 1) {
				links.add(new Link("gap", null, "\u2026", null, null));
			}
			links.add(new Link((number == page) ? "current" : "number", link.apply(number), words.number(number),
					words.t("search.page", Map.of("n", words.number(number))), null));
			last = number;
		}
		if (page < pages) {
			links.add(new Link("next", link.apply(page + 1), words.t("search.next"), null, "next"));
		}
		return new Pager(List.copyOf(links));
	}

	/** A pager that only goes on: a search walked with a cursor. */
	static Pager onward(@Nullable String next, String text) {
		return (next != null) ? new Pager(List.of(new Link("next", next, text, null, "next"))) : new Pager(List.of());
	}

	/**
	 * @param role {@code previous}, {@code number}, {@code current}, {@code gap} or
	 * {@code next}
	 * @param href where it goes; none for a gap
	 * @param text what it says
	 * @param label what a screen reader says instead
	 * @param rel its relation to this page
	 */
	public record Link(String role, @Nullable String href, String text, @Nullable String label, @Nullable String rel) {
	}

}
