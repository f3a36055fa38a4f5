package io.chancery.ingest;

/** Request bodies as editors send them. */
final class Fixtures {

	private Fixtures() {
	}

	static String article(String id, String locale, String title) {
		return """
				{"id":"%s","locale":"%s","kind":"speech","title":"%s",
				 "lead":"The Ambassador spoke about cultural exchange.",
				 "body":"<p>Distinguished guests,</p><p>It is an <em>honour</em>.</p>",
				 "deliveredAt":"2024-06-12T18:30:00+01:00","publishedAt":"2024-06-12T21:05:00+01:00",
				 "timeZone":"Europe/London","place":"London","people":["The Ambassador"],"tags":["culture"],
				 "sourceUrl":"https://example.org/speeches/142"}""".formatted(id, locale, title);
	}

	static String event(String id, String locale) {
		return """
				{"id":"%s","locale":"%s","date":"2020-02-29","timeZone":"Europe/London",
				 "title":"The incident","lead":"Our requests remain unanswered.",
				 "counter":{"caption":"days have passed since the incident","timeZone":"Europe/London",
				            "milestones":[100,500,1000],"anniversaries":true}}""".formatted(id, locale);
	}

}
