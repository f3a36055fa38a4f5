package io.chancery.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.chancery.contracts.MessageJson;
import io.chancery.localrun.LocalPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first thing done on the platform once it reports ready: an article published then
 * is searchable within two seconds, as later ones are. It is withdrawn afterwards, so the
 * demo catalog's counts, checked next, stay exact.
 */
@Order(0)
class FreshPlatformTests {

	@Test
	void aPublicationRightAfterReadyIsSearchableWithinTwoSeconds() {
		LocalPlatform platform = Stack.get();
		Gateway gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
		String word = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String id = "sys-" + word;
		String article = MessageJson.mapper()
			.writeValueAsString(java.util.Map.of("id", id, "locale", "en", "kind", "speech", "title",
					"Speech about " + word, "lead", "A lead", "body", "<p>The ambassador spoke.</p>", "publishedAt",
					"2024-05-01T10:00:00+03:00", "timeZone", "Europe/London"));

		HttpResponse<String> created = gateway.send("POST", "/api/v1/articles", article);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long published = System.nanoTime();
		SystemTests.awaitWithin(Duration.ofSeconds(2), "the first publication searchable",
				() -> gateway.get("/api/v1/search?q=" + word).get("total").asLong() == 1);
		System.out.printf("[system] first publication after ready → searchable: %d ms%n",
				Duration.ofNanos(System.nanoTime() - published).toMillis());

		HttpResponse<String> withdrawn = gateway.send("DELETE", "/api/v1/articles/" + id + "/en", null);
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		SystemTests.awaitWithin(Duration.ofSeconds(10), "the withdrawal out of search",
				() -> gateway.get("/api/v1/search?q=" + word).get("total").asLong() == 0);
	}

}
