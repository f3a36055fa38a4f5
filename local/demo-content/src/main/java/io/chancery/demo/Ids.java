package io.chancery.demo;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out readable ids ({@code 2024-06-12-speech-culture}), adding {@code -2},
 * {@code -3} … when a day has two items of one kind on one subject.
 */
final class Ids {

	private final Set<String> taken = new HashSet<>();

	String claim(String base) {
		String id = base;
		for (int n = 2; !this.taken.add(id); n++) {
			id = base + "-" + n;
		}
		return id;
	}

}
