package io.chancery.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.chancery.contracts.PartitionOwner;
import io.chancery.gateway.Upstream.Reply;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change goes straight to the ingest-service replica that said it writes the item's
 * partition: learned from that replica's answer, for creates (key in the body) and
 * replacements and withdrawals (key in the path); other partitions still go to the
 * service's address; a replica that cannot be reached is forgotten without losing the
 * change; the hint never leaves the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "chancery.security.api-keys[0].name=editor-bot",
				"chancery.security.api-keys[0].role=editor",
				"chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2",
				"chancery.limits.writes-per-minute=100000" })
class OwnerRoutingTests {

	private static final int PARTITIONS = 3;

	/** ingest-service's address: any replica, which passes changes on to the owner. */
	@RegisterExtension
	private static final Upstream service = new Upstream("ingest-service");

	/** The replica that writes the partition of {@link #KEY}. */
	@RegisterExtension
	private static final Upstream owner = new Upstream("owner");

	private static final String ID = "a-2026-0001";

	private static final String KEY = ID + ":en";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("chancery.upstreams.ingest", service::uri);
	}

	@BeforeEach
	void theServicePassesOnAndNamesTheOwner() {
		String hint = new PartitionOwner("articles", partition(KEY), PARTITIONS, URI.create(owner.uri())).header();
		for (Upstream each : new Upstream[] { service, owner }) {
			each.answer("/api/v1/articles", (query) -> created().withHeader(PartitionOwner.HEADER, hint));
			each.answer("/api/v1/articles/" + ID + "/en", (query) -> created().withHeader(PartitionOwner.HEADER, hint));
		}
	}

	@Test
	void changesOfAPartitionGoToTheReplicaThatSaidItWritesIt() throws Exception {
		HttpResponse<String> first = send(create(ID));
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue(PartitionOwner.HEADER)).isEmpty();
		assertThat(articles(service)).containsExactly("POST /api/v1/articles");

		assertThat(send(create(ID)).statusCode()).isEqualTo(201);
		assertThat(send(replace(ID)).statusCode()).isEqualTo(201);
		assertThat(send(withdraw(ID)).statusCode()).isEqualTo(201);
		assertThat(owner.received()).containsExactly("POST /api/v1/articles", "PUT /api/v1/articles/" + ID + "/en",
				"DELETE /api/v1/articles/" + ID + "/en");
		assertThat(owner.headersOf("PUT /api/v1/articles/" + ID + "/en").getFirst("X-Api-Key"))
			.isEqualTo(GatewayIntegrationTests.EDITOR_KEY);
		assertThat(articles(service)).hasSize(1);

		// Another partition, and a body without an id, still go to the service.
		String elsewhere = idInAnotherPartition();
		assertThat(send(create(elsewhere)).statusCode()).isEqualTo(201);
		assertThat(send(post("{\"title\":\"no id\"}")).statusCode()).isEqualTo(201);
		assertThat(articles(service)).hasSize(3);
		assertThat(owner.received()).hasSize(3);

	}

	@Test
	void aReplicaThatCannotBeReachedIsForgottenAndTheChangeStillGetsThrough() throws Exception {
		String id = "e-2026-0001";
		String hint = new PartitionOwner("events", partition(id + ":en"), PARTITIONS,
				URI.create("http://127.0.0.1:" + FreePort.find()))
			.header();
		service.answer("/api/v1/events", (query) -> created().withHeader(PartitionOwner.HEADER, hint));
		HttpRequest event = writing("/api/v1/events")
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"locale\":\"en\"}"))
			.build();
		assertThat(send(event).statusCode()).isEqualTo(201);
		// Learned an owner where nothing listens: the change goes to the service instead.
		assertThat(send(event).statusCode()).isEqualTo(201);
		assertThat(service.received()).filteredOn("POST /api/v1/events"::equals).hasSize(2);
	}

	@Test
	void aReplicaThatDiesHalfwayThroughItsAnswerIsA503ToRetryAndNothingIsSentTwice() throws Exception {
		try (java.net.ServerSocket dying = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			// The status, the headers and half the body, then the connection closes: a
			// replica killed while it answered.
			Thread.ofVirtual().start(() -> {
				try (java.net.Socket connection = dying.accept()) {
					connection.getInputStream().read(new byte[65_536]);
					connection.getOutputStream()
						.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
								+ "{\"revision\":")
							.getBytes(StandardCharsets.US_ASCII));
					connection.getOutputStream().flush();
				}
				catch (java.io.IOException ex) {
					// The test's assertions tell.
				}
			});
			String id = "e-2026-0002";
			String hint = new PartitionOwner("events", partition(id + ":en"), PARTITIONS,
					URI.create("http://127.0.0.1:" + dying.getLocalPort()))
				.header();
			service.answer("/api/v1/events/" + id + "/en",
					(query) -> created().withHeader(PartitionOwner.HEADER, hint));
			HttpRequest event = writing("/api/v1/events/" + id + "/en")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"An event\"}"))
				.build();
			assertThat(send(event).statusCode()).isEqualTo(201);

			HttpResponse<String> cut = send(event);
			assertThat(cut.statusCode()).as(cut.body()).isEqualTo(503);
			assertThat(cut.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(cut.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(cut.body()).contains("Idempotency-Key");
			// It may have been stored: the gateway does not send it again on its own.
			assertThat(service.received()).filteredOn(("PUT /api/v1/events/" + id + "/en")::equals).hasSize(1);
		}
	}

	@Test
	void aHintThatIsNoAddressIsIgnored() throws Exception {
		service.answer("/api/v1/events/e-2/en",
				(query) -> created().withHeader(PartitionOwner.HEADER, "events 0/3 file:///etc/passwd"));
		HttpRequest event = writing("/api/v1/events/e-2/en").DELETE().build();
		HttpResponse<String> answer = send(event);
		assertThat(answer.statusCode()).isEqualTo(201);
		assertThat(answer.headers().firstValue(PartitionOwner.HEADER)).isEmpty();
		assertThat(send(event).statusCode()).isEqualTo(201);
		assertThat(service.received()).filteredOn("DELETE /api/v1/events/e-2/en"::equals).hasSize(2);
	}

	private static java.util.List<String> articles(Upstream upstream) {
		return upstream.received().stream().filter((request) -> request.contains(" /api/v1/articles")).toList();
	}

	private static Reply created() {
		return new Reply(201, "application/json", "{\"revision\":1}", Map.of());
	}

	private HttpRequest create(String id) {
		return post("{\"title\":\"A statement\",\"id\":\"" + id
				+ "\",\"tags\":[\"x\",{\"id\":\"nested\"}],\"locale\":\"en\"}");
	}

	private HttpRequest post(String body) {
		return writing("/api/v1/articles").POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private HttpRequest replace(String id) {
		return writing("/api/v1/articles/" + id + "/en")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Again\"}"))
			.build();
	}

	private HttpRequest withdraw(String id) {
		return writing("/api/v1/articles/" + id + "/en").DELETE().build();
	}

	private HttpRequest.Builder writing(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("X-Api-Key", GatewayIntegrationTests.EDITOR_KEY)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10));
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Kafka's own partitioner, so the test does not share the gateway's arithmetic. */
	private static int partition(String key) {
		return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), PARTITIONS);
	}

	private static String idInAnotherPartition() {
		for (int i = 2;; i++) {
			String id = "a-2026-" + i;
			if (partition(id + ":en") != partition(KEY)) {
				return id;
			}
		}
	}

}
