package io.chancery.demo;

/** The two locales the catalog is written in, by their BCP 47 tags. */
enum Language {

	EN("en"), RU("ru");

	private final String tag;

	Language(String tag) {
		this.tag = tag;
	}

	String tag() {
		return this.tag;
	}

}
