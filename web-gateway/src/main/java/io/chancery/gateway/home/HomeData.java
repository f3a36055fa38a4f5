package io.chancery.gateway.home;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The home answer for now, as the website's server-rendered home page reads it: the same
 * composition the API route shares, so a page costs no extra request to the services.
 */
@Component
public class HomeData {

	private final HomePages pages;

	private final JsonMapper json;

	HomeData(HomePages pages, JsonMapper json) {
		this.pages = pages;
		this.json = json;
	}

	/** The home answer for now in {@code locale}, one the site speaks. */
	public Mono<Answer> now(String locale) {
		return this.pages.now(locale)
			.map((page) -> new Answer(this.json.readTree(page.body()), this.pages.cacheControl(page)));
	}

	/**
	 * @param home the answer
	 * @param cacheControl how long it may be kept, as the API route says
	 */
	public record Answer(JsonNode home, String cacheControl) {
	}

}
