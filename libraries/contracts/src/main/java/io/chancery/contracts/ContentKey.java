package io.chancery.contracts;

/**
 * Record keys. Translations of one item share its id but are separate records, so the key
 * is the id and the locale: {@code "a-2024-0001:ru"}. Ids never contain a colon.
 */
public final class ContentKey {

	private ContentKey() {
	}

	public static String of(String id, String locale) {
		return id + ":" + locale;
	}

}
