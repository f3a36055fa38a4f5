package io.chancery.benchmarks.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.chancery.benchmarks.http.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleLinesTests {

	@TempDir
	Path directory;

	@Test
	void linesAreImportArticlesOfTheAskedSizeWithTheirOwnIds() throws Exception {
		Path file = this.directory.resolve("articles.ndjson");
		ArticleLines.Written written = ArticleLines.fromDemoCatalog(7).write(file, "bench-", 500, 3000);
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(500);
		assertThat(written.averageBytes()).isBetween(3000L, 3600L);
		for (int i = 0; i < lines.size(); i++) {
			JsonNode line = Http.JSON.readTree(lines.get(i));
			assertThat(line.path("type").asString()).isEqualTo("article");
			assertThat(line.path("id").asString()).isEqualTo("bench-" + (i + 1));
			assertThat(line.has("withdrawal")).isFalse();
			assertThat(lines.get(i).getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(3000);
		}
		assertThat(lines).extracting((line) -> Http.JSON.readTree(line).path("locale").asString()).contains("en", "ru");
	}

	@Test
	void theSameSeedGivesTheSameLines() throws Exception {
		Path first = this.directory.resolve("first.ndjson");
		Path second = this.directory.resolve("second.ndjson");
		ArticleLines.fromDemoCatalog(7).write(first, "bench-", 50, 3000);
		ArticleLines.fromDemoCatalog(7).write(second, "bench-", 50, 3000);
		assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
	}

	@Test
	void aRequestIsAnArticlePublishedNowWithTheTag() {
		OffsetDateTime now = OffsetDateTime.of(2026, 11, 30, 12, 0, 1, 250_000_000, ZoneOffset.UTC);
		JsonNode request = Http.JSON
			.readTree(ArticleLines.fromDemoCatalog(7).request(3, "fresh-3", "freshness-x", now, 3000));
		assertThat(request.has("type")).isFalse();
		assertThat(request.path("id").asString()).isEqualTo("fresh-3");
		assertThat(request.path("publishedAt").asString()).isEqualTo("2026-11-30T12:00:01.250+00:00");
		assertThat(request.path("tags")).extracting(JsonNode::asString).contains("freshness-x");
	}

}
