package io.chancery.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each golden file is a message as it travels; reading and writing it back with the
 * services' mapper gives the same JSON, so a change to a record that would alter the wire
 * format fails here first.
 */
class GoldenMessagesTests {

	static Stream<Arguments> goldenFiles() {
		return Stream.of(Arguments.of("article-published", Article.class),
				Arguments.of("article-published-withdrawn-with-note", Article.class),
				Arguments.of("article-published-with-change", Article.class),
				Arguments.of("article-draft", Article.class), Arguments.of("article-withdrawn", Withdrawal.class),
				Arguments.of("article-withdrawn-with-change", Withdrawal.class),
				Arguments.of("event-published", Event.class), Arguments.of("event-published-with-change", Event.class),
				Arguments.of("event-withdrawn", Withdrawal.class),
				Arguments.of("site-details-updated", SiteDetails.class),
				Arguments.of("site-details-updated-with-pin", SiteDetails.class),
				Arguments.of("counter-milestone-reached", CounterMilestoneReached.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenFiles")
	void roundTripsWithoutChange(String name, Class<?> type) {
		JsonNode golden = tree(name);
		Object message = MessageJson.mapper().treeToValue(golden, type);
		// Compared as parsed text: a tree built from a record holds a long where parsed
		// JSON holds an int.
		JsonNode written = MessageJson.mapper().readTree(MessageJson.mapper().writeValueAsString(message));
		assertThat(written).isEqualTo(golden);
	}

	@Test
	void articleFromNewerProducerReadsWithUnknownFieldsIgnoredAndUnknownKindAsOther() {
		Article current = read("article-published", Article.class);
		Article newer = read("article-published-from-newer-producer", Article.class);
		assertThat(newer.kind()).isEqualTo(ArticleKind.OTHER);
		assertThat(newer).usingRecursiveComparison().ignoringFields("kind").isEqualTo(current);
	}

	@Test
	void eventFromNewerProducerReadsWithUnknownNestedFieldsIgnored() {
		assertThat(read("event-published-from-newer-producer", Event.class))
			.isEqualTo(read("event-published", Event.class));
	}

	@Test
	void siteDetailsWithoutAPinAreReadAsFeaturingTheNewest() {
		assertThat(read("site-details-updated", SiteDetails.class).featuredArticleId()).isNull();
		assertThat(read("site-details-updated-with-pin", SiteDetails.class)).usingRecursiveComparison()
			.ignoringFields("featuredArticleId")
			.isEqualTo(read("site-details-updated", SiteDetails.class));
	}

	@Test
	void messagesFromBeforeTheEditorialRecordReadWithoutAttribution() {
		assertThat(read("article-published", Article.class).change()).isNull();
		assertThat(read("event-published", Event.class).change()).isNull();
		assertThat(read("article-withdrawn", Withdrawal.class).change()).isNull();
		assertThat(MessageJson.mapper().writeValueAsString(read("article-published", Article.class)))
			.doesNotContain("\"change\"");
	}

	@Test
	void attributionReadsWithEveryField() {
		Attribution change = read("event-published-with-change", Event.class).change();
		assertThat(change).isNotNull();
		assertThat(change.author()).isEqualTo("api-key:importer");
		assertThat(change.action()).isEqualTo(ChangeAction.RESTORED);
		assertThat(change.restoredFrom()).isEqualTo(1L);
		assertThat(change.importId()).isEqualTo("catalog-2020-03");
		assertThat(read("article-published-with-change", Article.class).change().major()).isTrue();
	}

	@Test
	void theLatestMajorChangeTravelsWithEveryRevision() {
		Article article = read("article-published-with-change", Article.class);
		assertThat(MajorChange.of(article)).isEqualTo(new MajorChange(java.time.Instant.parse("2024-06-14T09:30:00Z"),
				"Corrected the date of the reception"));
		assertThat(article.atRevision(9).majorChange()).isEqualTo(article.majorChange());
		assertThat(article.withdrawnAt(9, new WithdrawalNote("Superseded", article.updatedAt()), article.updatedAt())
			.majorChange()).isEqualTo(article.majorChange());
		assertThat(article.stamped(9, null, null).majorChange()).isNull();
		assertThat(MajorChange.of(read("event-published-with-change", Event.class)).note())
			.isEqualTo("The date was the 29th, not the 28th");
		assertThat(MajorChange.of(read("article-published", Article.class))).isNull();
		assertThat(MajorChange.of(read("article-withdrawn", Withdrawal.class))).isNull();
	}

	@Test
	void attributionFromNewerProducerReadsWithUnknownActionAsChanged() {
		Article newer = read("article-published-with-change-from-newer-producer", Article.class);
		assertThat(newer.change().action()).isEqualTo(ChangeAction.CHANGED);
		assertThat(newer).usingRecursiveComparison()
			.ignoringFields("change.action")
			.isEqualTo(read("article-published-with-change", Article.class));
	}

	@Test
	void consumersWrittenBeforeTheEditorialRecordReadMessagesThatCarryIt() {
		WithdrawalBeforeTheRecord old = MessageJson.mapper()
			.treeToValue(tree("article-withdrawn-with-change"), WithdrawalBeforeTheRecord.class);
		Withdrawal current = read("article-withdrawn-with-change", Withdrawal.class);
		assertThat(old).isEqualTo(new WithdrawalBeforeTheRecord(current.id(), current.locale(), current.revision(),
				current.withdrawnAt(), current.reason()));
	}

	@Test
	void aChangeKeepsItsAttributionAtAnotherRevisionAndWhenWithdrawnWithANote() {
		Article article = read("article-published-with-change", Article.class);
		assertThat(article.atRevision(9).change()).isEqualTo(article.change());
		assertThat(read("event-published-with-change", Event.class).atRevision(9).change()).isNotNull();
		assertThat(read("article-withdrawn-with-change", Withdrawal.class).atRevision(9).change()).isNotNull();
	}

	/** The withdrawal as consumers built before the editorial record know it. */
	record WithdrawalBeforeTheRecord(String id, String locale, long revision, java.time.Instant withdrawnAt,
			@org.jspecify.annotations.Nullable String reason) {
	}

	@Test
	void aDraftReadsAsADraftAndAStatusAConsumerDoesNotKnowIsNotReadAsPublished() {
		assertThat(read("article-draft", Article.class).status()).isEqualTo(ContentStatus.DRAFT);
		assertThat(read("article-draft", Article.class).change().action()).isEqualTo(ChangeAction.DRAFTED);
		tools.jackson.databind.node.ObjectNode unknown = (tools.jackson.databind.node.ObjectNode) tree("article-draft");
		unknown.put("status", "embargoed-for-ever");
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(tools.jackson.databind.exc.InvalidFormatException.class)
			.isThrownBy(() -> MessageJson.mapper().treeToValue(unknown, Article.class));
	}

	@Test
	void offsetsAreKeptAsSentNotNormalisedToUtc() {
		Article article = read("article-published", Article.class);
		assertThat(article.publishedAt().getOffset().getTotalSeconds()).isEqualTo(3600);
		assertThat(MessageJson.mapper().writeValueAsString(article)).contains("\"2024-06-12T21:05:00+01:00\"");
	}

	@Test
	void absentListsReadAsEmptyAndAbsentOptionalsAreNotWritten() {
		Withdrawal withdrawal = read("event-withdrawn", Withdrawal.class);
		assertThat(withdrawal.reason()).isNull();
		assertThat(MessageJson.mapper().writeValueAsString(withdrawal)).doesNotContain("reason");
		Article article = MessageJson.mapper()
			.readValue("""
					{"id":"a","locale":"en","revision":1,"kind":"speech","status":"published","title":"t","body":"b",
					 "publishedAt":"2024-01-01T00:00:00Z","timeZone":"UTC","updatedAt":"2024-01-01T00:00:00Z"}""",
					Article.class);
		assertThat(article.people()).isEmpty();
		assertThat(article.tags()).isEmpty();
	}

	static <T> T read(String name, Class<T> type) {
		return MessageJson.mapper().treeToValue(tree(name), type);
	}

	static JsonNode tree(String name) {
		try (InputStream in = GoldenMessagesTests.class.getResourceAsStream("/golden/" + name + ".json")) {
			assertThat(in).as("golden file " + name).isNotNull();
			return MessageJson.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
