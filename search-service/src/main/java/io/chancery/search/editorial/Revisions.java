package io.chancery.search.editorial;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.chancery.search.elasticsearch.RevisionsIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the editorial record's index is asked: an item's revisions, one whole, the audit.
 */
@Component
class Revisions {

	/** The most revisions of one item a list holds. */
	static final int MOST = 1_000;

	private static final List<String> WITHOUT_MESSAGE = List.of("message");

	private final ElasticsearchClient client;

	Revisions(ElasticsearchClient client) {
		this.client = client;
	}

	/** An item's revisions, newest first, without their messages. */
	List<StoredRevision> of(String item) throws IOException {
		SearchResponse<StoredRevision> response = this.client.search(
				(search) -> search.index(RevisionsIndex.ALIAS)
					.size(MOST)
					.source((source) -> source.filter((filter) -> filter.excludes(WITHOUT_MESSAGE)))
					.query((query) -> query.term((term) -> term.field("item").value(item)))
					.sort((sort) -> sort.field((field) -> field.field("revision").order(SortOrder.Desc))),
				StoredRevision.class);
		return sources(response.hits().hits());
	}

	/** One revision whole; empty if the item never had it. */
	Optional<StoredRevision> get(String item, long revision) throws IOException {
		GetResponse<StoredRevision> response = this.client
			.get((get) -> get.index(RevisionsIndex.ALIAS).id(item + "/" + revision), StoredRevision.class);
		return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
	}

	/**
	 * A page of the changes an audit selects, newest first, without their messages.
	 * @param after where the previous page ended, empty for the first
	 */
	AuditPage audit(Audit audit, int size, List<FieldValue> after) throws IOException {
		SearchResponse<StoredRevision> response = this.client.search((search) -> {
			search.index(RevisionsIndex.ALIAS)
				.size(size)
				.trackTotalHits((total) -> total.enabled(after.isEmpty()))
				.source((source) -> source.filter((filter) -> filter.excludes(WITHOUT_MESSAGE)))
				.query(audit.query())
				.sort((sort) -> sort.field((field) -> field.field("at").order(SortOrder.Desc)))
				.sort((sort) -> sort.field((field) -> field.field("item").order(SortOrder.Asc)))
				.sort((sort) -> sort.field((field) -> field.field("revision").order(SortOrder.Desc)));
			if (!after.isEmpty()) {
				search.searchAfter(after);
			}
			return search;
		}, StoredRevision.class);
		List<Hit<StoredRevision>> hits = response.hits().hits();
		List<FieldValue> last = (hits.size() == size) ? hits.get(hits.size() - 1).sort() : List.of();
		Long total = (response.hits().total() != null) ? response.hits().total().value() : null;
		return new AuditPage(sources(hits), last, total);
	}

	private static List<StoredRevision> sources(List<Hit<StoredRevision>> hits) {
		List<StoredRevision> revisions = new ArrayList<>(hits.size());
		hits.stream().map(Hit::source).filter(Objects::nonNull).forEach(revisions::add);
		return revisions;
	}

	/**
	 * Which changes an audit selects; absent criteria select all.
	 *
	 * @param from the first instant, inclusive
	 * @param to the instant the period ends, exclusive
	 * @param author the credential that made the changes
	 * @param item the item, {@code articles/<id>:<locale>}, or every locale of an id,
	 * {@code articles/<id>}
	 * @param action published, changed, withdrawn or restored
	 * @param type article or event
	 */
	record Audit(@Nullable Instant from, @Nullable Instant to, @Nullable String author, @Nullable String item,
			@Nullable String action, @Nullable String type) {

		Query query() {
			List<Query> filters = new ArrayList<>();
			if (this.from != null || this.to != null) {
				filters.add(Query.of((query) -> query.range((range) -> range.date((date) -> {
					date.field("at").format("strict_date_optional_time");
					if (this.from != null) {
						date.gte(this.from.toString());
					}
					if (this.to != null) {
						date.lt(this.to.toString());
					}
					return date;
				}))));
			}
			term(filters, "author", this.author);
			term(filters, "action", this.action);
			term(filters, "type", this.type);
			if (this.item != null) {
				filters.add(this.item.contains(":")
						? Query.of((query) -> query.term((term) -> term.field("item").value(this.item)))
						: Query.of((query) -> query.prefix((prefix) -> prefix.field("item").value(this.item + ":"))));
			}
			return Query.of((query) -> query.bool((bool) -> bool.filter(filters)));
		}

		private static void term(List<Query> filters, String field, @Nullable String value) {
			if (value != null) {
				filters.add(Query.of((query) -> query.term((term) -> term.field(field).value(value))));
			}
		}

	}

	/**
	 * One page of an audit.
	 *
	 * @param changes the changes, newest first
	 * @param last the sort values of the last one, where the next page starts; empty when
	 * this is the last page
	 * @param total how many changes the audit selects, counted on the first page only
	 */
	record AuditPage(List<StoredRevision> changes, List<FieldValue> last, @Nullable Long total) {
	}

}
