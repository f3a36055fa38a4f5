package io.chancery.benchmarks.content;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chancery.benchmarks.http.Http;
import io.chancery.demo.DemoCatalog;
import tools.jackson.databind.node.ObjectNode;

/**
 * Articles of a chosen size in ingest-service's import format, made from the demo
 * catalog's articles (its invented English and Russian texts, kinds, people and tags):
 * each takes one demo article under a new id and lengthens its body with paragraphs of
 * other articles in the same language until the line has the size asked for. The same
 * seed gives the same lines.
 */
public final class ArticleLines {

	/** The demo catalog's end; fixed, so the benchmark's texts never change. */
	private static final LocalDate CATALOG_UNTIL = LocalDate.of(2025, 12, 31);

	private static final Pattern BLOCK = Pattern.compile("<p>.*?</p>|<ul>.*?</ul>");

	/**
	 * Milliseconds, so that newest-first order is publishing order at hundreds of
	 * articles a second.
	 */
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

	private final List<ObjectNode> articles = new ArrayList<>();

	private final Map<String, List<String>> paragraphs = new TreeMap<>();

	private final Random random;

	private ArticleLines(long seed) {
		this.random = new Random(seed);
		for (Iterator<String> lines = DemoCatalog.generate(seed, CATALOG_UNTIL).iterator(); lines.hasNext();) {
			String line = lines.next();
			if (!line.startsWith("{\"type\":\"article\"")) {
				continue;
			}
			ObjectNode article = (ObjectNode) Http.JSON.readTree(line);
			// Every benchmark article is published: none withdrawn.
			article.remove("withdrawal");
			this.articles.add(article);
			List<String> blocks = this.paragraphs.computeIfAbsent(article.path("locale").asString(),
					(locale) -> new ArrayList<>());
			Matcher matcher = BLOCK.matcher(article.path("body").asString());
			while (matcher.find()) {
				blocks.add(matcher.group());
			}
		}
	}

	/** Lines made from the demo catalog of {@code seed}. */
	public static ArticleLines fromDemoCatalog(long seed) {
		return new ArticleLines(seed);
	}

	/**
	 * Writes {@code count} import lines, each ended by a line feed, with ids
	 * {@code <prefix>1} to {@code <prefix><count>}.
	 * @param targetBytes the size of a line in UTF-8, reached or just passed
	 * @return how many lines and bytes were written
	 */
	public Written write(Path file, String prefix, int count, int targetBytes) {
		long bytes = 0;
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 1; i <= count; i++) {
				String line = Http.JSON.writeValueAsString(article(i, prefix + i, targetBytes));
				writer.write(line);
				writer.write('\n');
				bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Written(file, count, bytes);
	}

	/**
	 * The body of {@code POST /api/v1/articles} for one new article published now: the
	 * fields of an import line without {@code type}, and {@code tag} added to its tags.
	 */
	public String request(int number, String id, String tag, OffsetDateTime publishedAt, int targetBytes) {
		ObjectNode article = article(number, id, targetBytes);
		article.remove("type");
		article.remove("deliveredAt");
		article.put("publishedAt", DATE_TIME.format(publishedAt.withOffsetSameInstant(ZoneOffset.UTC)));
		article.put("timeZone", "UTC");
		article.withArray("tags").add(tag);
		return Http.JSON.writeValueAsString(article);
	}

	private ObjectNode article(int number, String id, int targetBytes) {
		ObjectNode article = this.articles.get(number % this.articles.size()).deepCopy();
		article.put("id", id);
		List<String> pool = this.paragraphs.get(article.path("locale").asString());
		String body = article.path("body").asString();
		int size = Http.JSON.writeValueAsString(article).getBytes(StandardCharsets.UTF_8).length;
		StringBuilder longer = new StringBuilder(body);
		while (size < targetBytes && pool != null && !pool.isEmpty()) {
			String paragraph = pool.get(this.random.nextInt(pool.size()));
			longer.append(paragraph);
			size += paragraph.getBytes(StandardCharsets.UTF_8).length;
		}
		article.put("body", longer.toString());
		return article;
	}

	/** The first {@code limit} lines of the demo catalog up to today, all of it if 0. */
	public static Written demoCatalog(Path file, int limit) {
		long bytes = 0;
		int count = 0;
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (Iterator<String> lines = DemoCatalog.generate(1, LocalDate.now(ZoneOffset.UTC)).iterator(); lines
				.hasNext() && (limit <= 0 || count < limit);) {
				String line = lines.next();
				writer.write(line);
				writer.write('\n');
				bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
				count++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Written(file, count, bytes);
	}

	/**
	 * Lines written to a file.
	 *
	 * @param file the file
	 * @param lines how many
	 * @param bytes their size with line feeds
	 */
	public record Written(Path file, int lines, long bytes) {

		public long averageBytes() {
			return (this.lines > 0) ? this.bytes / this.lines : 0;
		}

	}

}
