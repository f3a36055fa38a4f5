package io.chancery.ingest.articles;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.chancery.contracts.Article;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.contracts.WithdrawalNote;
import io.chancery.ingest.changes.ChangeNote;
import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.changes.Drafts;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.HtmlSanitizer;
import io.chancery.ingest.validation.Violations;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Turns an editor's request into the {@link Article} message, after checking every rule.
 */
@Component
class ArticleChanges {

	/** The kinds as the contract spells them on the wire. */
	static final Map<String, ArticleKind> KINDS = Arrays.stream(ArticleKind.values())
		.collect(Collectors.toUnmodifiableMap((kind) -> MessageJson.mapper().writeValueAsString(kind).replace("\"", ""),
				Function.identity()));

	private final Set<String> locales;

	private final Clock clock;

	ArticleChanges(ContentProperties properties, Clock clock) {
		this.locales = Set.copyOf(properties.locales());
		this.clock = clock;
	}

	/**
	 * This kind of content as the change workflow and the import see it: one description
	 * serves the routes and the import lines alike.
	 */
	@Bean("articleKind")
	ChangeRoutes.Kind<ArticleRequest, Article> kind() {
		return new ChangeRoutes.Kind<>("article", Topic.ARTICLES, EventType.ARTICLE_PUBLISHED,
				EventType.ARTICLE_WITHDRAWN, ArticleRequest.class, Article.class, ArticleRequest::id,
				ArticleRequest::locale, this::validate, this::article, ArticleRequest::change, Article::stamped,
				Article::withdrawnAt);
	}

	void validate(ArticleRequest request, String id, String locale) {
		Violations violations = new Violations().requireId(id, "id")
			.requireLocale(locale, "locale", this.locales)
			.require(request.kind() != null && KINDS.containsKey(request.kind()), "kind",
					"must be one of " + String.join(", ", KINDS.keySet().stream().sorted().toList()))
			.requireText(HtmlSanitizer.plain(request.title()), "title", 500)
			.optionalText(request.lead(), "lead", 5_000)
			.requireText(request.body(), "body", 500_000)
			.require(request.publishedAt() != null, "publishedAt", "is required, with its offset")
			.requireZone(request.timeZone(), "timeZone")
			.optionalText(request.place(), "place", 200)
			.texts(request.people(), "people", 50, 200)
			.texts(request.tags(), "tags", 50, 100)
			.optionalUrl(request.sourceUrl(), "sourceUrl");
		ChangeNote.validate(request.change(), violations);
		Drafts.validateDraft(request.draft(), request.withdrawal() != null, violations);
		if (request.withdrawal() != null) {
			violations.requireText(request.withdrawal().note(), "withdrawal.note", 5_000);
		}
		if (request.body() != null && !request.body().isBlank()) {
			violations.require(!HtmlSanitizer.body(request.body()).isBlank(), "body",
					"has no text left once scripts and disallowed markup are removed");
		}
		violations.throwIfAny();
	}

	Article article(ArticleRequest request, String id, String locale, long revision) {
		ArticleRequest.WithdrawalRequest withdrawal = request.withdrawal();
		return new Article(id, locale, revision, KINDS.get(request.kind()),
				Drafts.status(withdrawal != null, request.draft()),
				Objects.requireNonNull(HtmlSanitizer.plain(request.title())), HtmlSanitizer.plain(request.lead()),
				HtmlSanitizer.body(Objects.requireNonNull(request.body())), request.deliveredAt(),
				Objects.requireNonNull(request.publishedAt()), Objects.requireNonNull(request.timeZone()),
				request.publishAt(), HtmlSanitizer.plain(request.place()), plain(request.people()),
				plain(request.tags()), request.sourceUrl(),
				(withdrawal != null) ? new WithdrawalNote(
						Objects.requireNonNull(HtmlSanitizer.plain(withdrawal.note())), this.clock.instant()) : null,
				this.clock.instant());
	}

	private static List<String> plain(@org.jspecify.annotations.Nullable List<String> values) {
		return (values != null) ? values.stream().map(HtmlSanitizer::plain).filter(Objects::nonNull).toList()
				: List.of();
	}

}
