package io.chancery.gateway.website;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the home page shows before its script runs, from the home answer: the counters as
 * sentences, the featured item's headline and lead, and the latest events. The script
 * draws the same parts again with the clocks and keeps them live.
 *
 * @param counters the counters; empty when there are none or their service is down
 * @param countersUnavailable whether counter-service did not answer
 * @param featured the featured speech, interview or article
 * @param featuredUnavailable whether search-service did not answer for it
 * @param events the latest events, newest first
 * @param eventsUnavailable whether search-service did not answer for them
 */
public record HomeView(List<Counter> counters, boolean countersUnavailable, @Nullable Featured featured,
		boolean featuredUnavailable, List<Event> events, boolean eventsUnavailable, List<Event> upcoming,
		@Nullable String today, @Nullable String todayText, @Nullable List<Contact> contacts) {

	static HomeView of(JsonNode home, Words.In words, String defaultLocale) {
		List<String> unavailable = new ArrayList<>();
		home.path("unavailable").forEach((part) -> unavailable.add(part.asString()));
		List<Counter> counters = new ArrayList<>();
		for (JsonNode counter : home.path("counters")) {
			JsonNode number = counter.path("value");
			String value = number.isNumber() ? number.numberValue().toString() : number.asString("");
			String text = ItemView.text(counter, "text",
					(value + " " + counter.path("unit").asString("") + " " + counter.path("caption").asString(""))
						.strip());
			String rest = (!value.isEmpty() && text.startsWith(value + " ")) ? text.substring(value.length()) : null;
			String id = counter.path("id").asString("");
			counters.add(new Counter(id, counter.path("state").asString("running"), (rest != null) ? value : null,
					(rest != null) ? rest : text, ItemView.text(counter, "eventTitle", words.t("home.counter.event")),
					Page.link("/events/" + encode(id), words.locale(), defaultLocale)));
		}
		Featured featured = null;
		JsonNode item = home.path("featured");
		if (item.isObject()) {
			String kind = ItemView.text(item, "kind", null);
			featured = new Featured(ItemView.text(item, "title", ""),
					Page.link("/articles/" + encode(ItemView.text(item, "id", "")),
							ItemView.text(item, "locale", words.locale()), defaultLocale),
					(kind != null && words.has("kind." + kind)) ? words.t("kind." + kind) : kind,
					ItemView.text(item, "lead", null));
		}
		return new HomeView(List.copyOf(counters), unavailable.contains("counters"), featured,
				unavailable.contains("featured"), events(home.path("latestEvents"), words, defaultLocale),
				unavailable.contains("latestEvents"), events(home.path("upcomingEvents"), words, defaultLocale),
				ItemView.text(home, "today", null), today(ItemView.text(home, "today", null), words.locale()),
				unavailable.contains("site") ? null : contacts(home.path("site").path("contacts")));
	}

	private static @Nullable String today(@Nullable String day, String locale) {
		try {
			String text = (day != null) ? java.time.LocalDate.parse(day)
				.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL)
					.withLocale(Words.formatting(locale))) : null;
			return (text != null && !text.isEmpty())
					? text.substring(0, 1).toUpperCase(Words.formatting(locale)) + text.substring(1) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static List<Contact> contacts(JsonNode list) {
		List<Contact> contacts = new ArrayList<>();
		for (JsonNode contact : list) {
			List<ItemView.Link> phones = new ArrayList<>();
			contact.path("phones")
				.forEach((phone) -> phones
					.add(new ItemView.Link(phone.asString(), "tel:" + phone.asString().replaceAll("[^\\d+]", ""))));
			List<ItemView.Link> emails = new ArrayList<>();
			contact.path("emails").forEach((email) -> {
				String address = email.asString();
				emails.add(new ItemView.Link(address,
						address.matches("[^\\s@<>\"]+@[^\\s@<>\"]+") ? "mailto:" + address : null));
			});
			contacts.add(new Contact(ItemView.text(contact, "title", ""), List.copyOf(phones), List.copyOf(emails),
					ItemView.text(contact, "address", null), ItemView.text(contact, "hours", null)));
		}
		return List.copyOf(contacts);
	}

	/** The page when the home answer could not be had at all. */
	static HomeView unavailable() {
		return new HomeView(List.of(), true, null, true, List.of(), true, List.of(), null, null, null);
	}

	private static List<Event> events(JsonNode list, Words.In words, String defaultLocale) {
		List<Event> events = new ArrayList<>();
		for (JsonNode event : list) {
			events.add(new Event(ItemView.text(event, "title", ""),
					Page.link("/events/" + encode(ItemView.text(event, "id", "")),
							ItemView.text(event, "locale", words.locale()), defaultLocale),
					ItemView.text(event, "eventDate", null), ItemView.text(event, "lead", null), words.locale()));
		}
		return List.copyOf(events);
	}

	private static String encode(String segment) {
		return org.springframework.web.util.UriUtils.encodePathSegment(segment,
				java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * A consular contact.
	 *
	 * @param title what it is for
	 * @param phones its numbers, each with its {@code tel:} link
	 * @param emails its addresses, each with its {@code mailto:} link when it is one
	 * @param address its postal address
	 * @param hours its opening hours
	 */
	public record Contact(String title, List<ItemView.Link> phones, List<ItemView.Link> emails,
			@Nullable String address, @Nullable String hours) {
	}

	/**
	 * @param id the counter's event
	 * @param state {@code running}, {@code waiting} or {@code ended}
	 * @param value the number its sentence starts with, when it does
	 * @param rest the sentence after the number, or all of it
	 * @param about the event it counts from or to
	 * @param href that event's page
	 */
	public record Counter(String id, String state, @Nullable String value, String rest, String about, String href) {
	}

	/**
	 * @param title the headline
	 * @param href its page
	 * @param kind its kind, in the reader's language
	 * @param lead its lead
	 */
	public record Featured(String title, String href, @Nullable String kind, @Nullable String lead) {
	}

	/**
	 * @param title the event's title
	 * @param href its page
	 * @param day its calendar day
	 * @param lead its lead
	 * @param language the reader's language, in which the day is written
	 */
	public record Event(String title, String href, @Nullable String day, @Nullable String lead, String language) {

		public @Nullable String dayText() {
			return (this.day != null) ? ItemView.day(this.day, this.language) : null;
		}

	}

}
