package io.chancery.search.editorial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.chancery.security.SecurityProperties;
import io.chancery.web.StrictQueryAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The editorial record's HTTP contract without Elasticsearch, behind the service's own
 * security chain: editors and admins read an item's revisions and their differences, only
 * admins the audit; a revision or criterion the record cannot read is refused before it
 * is asked, and an audit pages on through the after it answered. What the record holds is
 * EditorialRecordIntegrationTests' subject.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "io\\.chancery\\.search\\.editorial\\.RevisionsController",
				"io\\.chancery\\.search\\.security\\.SecurityConfiguration",
				"io\\.chancery\\.search\\.reading\\.StrictReads", "io\\.chancery\\.search\\.web\\.ProblemHandler" }))
@ImportAutoConfiguration(StrictQueryAutoConfiguration.class)
@EnableConfigurationProperties(SecurityProperties.class)
class RevisionsControllerTests {

	// The keys whose digests the tests' configuration holds.
	private static final String ADMIN = "admin-key-for-tests";

	private static final String EDITOR = "editor-key-for-tests";

	private static final String ITEM = "/api/v1/editorial/articles/treaty/en";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StoredRevisions record;

	@AfterEach
	void forget() {
		this.record.audits.clear();
	}

	@Test
	void theRecordIsForEditorsAndAdminsAndTheAuditForAdminsOnly() throws Exception {
		this.mvc.perform(get(ITEM + "/revisions"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(as("not-a-key", get(ITEM + "/revisions"))).andExpect(status().isUnauthorized());
		this.mvc.perform(as(EDITOR, get(ITEM + "/revisions"))).andExpect(status().isOk());
		this.mvc.perform(as(ADMIN, get(ITEM + "/revisions"))).andExpect(status().isOk());
		this.mvc.perform(as(EDITOR, get("/api/v1/editorial/audit")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(as(EDITOR, get("/api/v1/editorial/audit.csv"))).andExpect(status().isForbidden());
		// The record is read, never written through this service.
		this.mvc.perform(as(ADMIN, post(ITEM + "/revisions"))).andExpect(status().isForbidden());
		assertThat(this.record.audits).isEmpty();
		this.mvc.perform(as(ADMIN, get("/api/v1/editorial/audit"))).andExpect(status().isOk());
	}

	@Test
	void revisionsAreListedNewestFirstAndTheLatestIsComparedWithTheOneBefore() throws Exception {
		this.mvc.perform(as(EDITOR, get(ITEM + "/revisions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.item").value("articles/treaty:en"))
			.andExpect(jsonPath("$.type").value("article"))
			.andExpect(jsonPath("$.revisions[*].revision").value(org.hamcrest.Matchers.contains(3, 2, 1)))
			.andExpect(jsonPath("$.truncated").value(false));
		this.mvc.perform(as(EDITOR, get(ITEM + "/revisions/2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message.title").value("The treaty, signed"));

		this.mvc.perform(as(EDITOR, get(ITEM + "/diff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(2))
			.andExpect(jsonPath("$.to").value(3))
			.andExpect(jsonPath("$.fields[0].field").value("title"))
			.andExpect(jsonPath("$.fields[0].changed").value(false))
			// The body is compared as text: markup alone is no change.
			.andExpect(jsonPath("$.fields[2].field").value("body"))
			.andExpect(jsonPath("$.fields[2].changed").value(true));
		this.mvc.perform(as(EDITOR, get(ITEM + "/diff").param("from", "1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(1))
			.andExpect(jsonPath("$.fields[0].changed").value(true));
	}

	@Test
	void whatTheRecordCannotHoldIsNotFoundAndWhatItCannotReadIsRefused() throws Exception {
		this.mvc.perform(as(EDITOR, get("/api/v1/editorial/articles/never/en/revisions")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc.perform(as(EDITOR, get("/api/v1/editorial/pages/treaty/en/revisions")))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(EDITOR, get(ITEM + "/revisions/9"))).andExpect(status().isNotFound());
		this.mvc.perform(as(EDITOR, get(ITEM + "/diff").param("to", "9"))).andExpect(status().isNotFound());
		this.mvc.perform(as(EDITOR, get(ITEM + "/revisions/two")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("revision"));
		this.mvc.perform(as(EDITOR, get(ITEM + "/diff").param("from", "0")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("from"));
		this.mvc.perform(as(EDITOR, get(ITEM + "/diff").param("since", "1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("since"))
			.andExpect(jsonPath("$.accepted").isArray());
	}

	@Test
	void anAuditRefusesCriteriaItCannotReadBeforeTheRecordIsAsked() throws Exception {
		Map<String, String> refused = Map.of("action", "deleted", "type", "page", "from", "yesterday", "to",
				"2026-13-01", "size", "1001", "after", "not-an-after");
		for (Map.Entry<String, String> criterion : refused.entrySet()) {
			this.mvc.perform(as(ADMIN, get("/api/v1/editorial/audit").param(criterion.getKey(), criterion.getValue())))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.parameter").value(criterion.getKey()));
		}
		this.mvc.perform(as(ADMIN, get("/api/v1/editorial/audit.csv").param("action", "deleted")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("action"));
		assertThat(this.record.audits).isEmpty();
	}

	@Test
	void anAuditSelectsByItsCriteriaAndPagesOnThroughTheAfterItAnswered() throws Exception {
		String after = com.jayway.jsonpath.JsonPath.read(this.mvc
			.perform(as(ADMIN,
					get("/api/v1/editorial/audit").param("from", "2026-12-01")
						.param("to", "2026-12-02T09:00:00Z")
						.param("author", "api-key:desk")
						.param("action", "changed")
						.param("type", "article")
						.param("size", "2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.changes.length()").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.after");
		this.mvc.perform(as(ADMIN, get("/api/v1/editorial/audit").param("size", "2").param("after", after)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changes.length()").value(1))
			.andExpect(jsonPath("$.after").doesNotExist());

		assertThat(this.record.audits).satisfiesExactly((first) -> {
			assertThat(first.audit()).isEqualTo(new Revisions.Audit(Instant.parse("2026-12-01T00:00:00Z"),
					Instant.parse("2026-12-02T09:00:00Z"), "api-key:desk", null, "changed", "article"));
			assertThat(first.size()).isEqualTo(2);
			assertThat(first.after()).isEmpty();
		}, (second) -> assertThat(second.after()).extracting(FieldValue::_get)
			.containsExactly(Instant.parse("2026-12-01T10:00:02Z").toEpochMilli(), "articles/treaty:en", 2L));
	}

	@Test
	void theAuditCsvHoldsEveryPageOneLineAChange() throws Exception {
		MvcResult started = this.mvc.perform(as(ADMIN, get("/api/v1/editorial/audit.csv")))
			.andExpect(request().asyncStarted())
			.andReturn();
		String csv = this.mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		String[] lines = csv.split("\r\n");
		assertThat(lines).hasSize(4);
		assertThat(lines[0]).isEqualTo("at,action,author,authorName,type,id,locale,revision,major,note,importId");
		// A note a spreadsheet would run as a formula is written as text.
		assertThat(lines[2]).endsWith(",\"'=HYPERLINK(\"\"x\"\")\",");
		// A page shorter than the export's is the last: the record is not asked again.
		assertThat(this.record.audits).hasSize(1);
	}

	private static MockHttpServletRequestBuilder as(String key, MockHttpServletRequestBuilder request) {
		return request.header("X-Api-Key", key);
	}

	private static StoredRevision revision(long number, String title, String body, String note) {
		return new StoredRevision("articles/treaty:en", "article", "treaty", "en", number, "ArticleChanged",
				(number == 1) ? "published" : "changed", "api-key:desk", "Desk",
				Instant.parse("2026-12-01T10:00:00Z").plusSeconds(number), note, false, null, null, null, title,
				Map.of("title", title, "body", body));
	}

	record Asked(Revisions.Audit audit, int size, List<FieldValue> after) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Record {

		@Bean
		StoredRevisions revisions() {
			return new StoredRevisions();
		}

	}

	/**
	 * One article's three revisions, and an audit of three changes that answers a page at
	 * a time, remembering what it was asked.
	 */
	static class StoredRevisions extends Revisions {

		final List<Asked> audits = new CopyOnWriteArrayList<>();

		private final List<StoredRevision> revisions = List.of(
				revision(3, "The treaty, signed", "<p>Signed <b>today</b> in Geneva.</p>", "place added"),
				revision(2, "The treaty, signed", "<p>Signed today.</p>", "=HYPERLINK(\"x\")"),
				revision(1, "The treaty", "<p>Signed today.</p>", "first"));

		StoredRevisions() {
			// No client: every read below answers by itself.
			super(null);
		}

		@Override
		List<StoredRevision> of(String item) {
			return item.equals("articles/treaty:en") ? this.revisions : List.of();
		}

		@Override
		Optional<StoredRevision> get(String item, long revision) {
			return of(item).stream().filter((stored) -> stored.revision() == revision).findFirst();
		}

		@Override
		AuditPage audit(Audit audit, int size, List<FieldValue> after) {
			this.audits.add(new Asked(audit, size, after));
			int from = after.isEmpty() ? 0 : (int) (3 - after.get(2).longValue() + 1);
			List<StoredRevision> page = new ArrayList<>(
					this.revisions.subList(from, Math.min(from + size, this.revisions.size())));
			StoredRevision last = page.get(page.size() - 1);
			List<FieldValue> next = (page.size() == size) ? List.of(FieldValue.of(last.at().toEpochMilli()),
					FieldValue.of(last.item()), FieldValue.of(last.revision())) : List.of();
			return new AuditPage(page, next, after.isEmpty() ? 3L : null);
		}

	}

}
