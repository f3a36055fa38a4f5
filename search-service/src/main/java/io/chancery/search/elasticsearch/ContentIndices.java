package io.chancery.search.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.json.JsonData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The versioned indices behind the {@code content} alias: which one is live, the next one
 * to build, and the atomic switch between them. Index names are {@code content-vN}; the
 * template applies to all of them.
 */
@Component
public class ContentIndices {

	static final String TEMPLATE = "elasticsearch/content-template.json";

	private static final Pattern NAME = Pattern.compile("content-v(\\d+)");

	private final ElasticsearchClient client;

	ContentIndices(ElasticsearchClient client) {
		this.client = client;
	}

	/** The index the alias points at, if any. */
	public Optional<String> live() throws IOException {
		if (!this.client.indices().existsAlias((request) -> request.name(ContentIndex.ALIAS)).value()) {
			return Optional.empty();
		}
		GetAliasResponse aliases = this.client.indices().getAlias((request) -> request.name(ContentIndex.ALIAS));
		return aliases.aliases().keySet().stream().findFirst();
	}

	/** Every {@code content-vN} index, oldest first. */
	public List<String> all() throws IOException {
		return this.client.indices()
			.get((request) -> request.index("content-v*"))
			.indices()
			.keySet()
			.stream()
			.filter((name) -> NAME.matcher(name).matches())
			.sorted(Comparator.comparingInt(ContentIndices::number))
			.toList();
	}

	/** Creates the next {@code content-vN}, from the template, without an alias. */
	public String createNext() throws IOException {
		int next = all().stream().mapToInt(ContentIndices::number).max().orElse(0) + 1;
		String name = "content-v" + next;
		this.client.indices().create((request) -> request.index(name));
		return name;
	}

	/** Points the alias at {@code to} instead of {@code from}, in one atomic step. */
	public void swap(String from, String to) throws IOException {
		this.client.indices()
			.updateAliases((request) -> request
				.actions((action) -> action.remove((remove) -> remove.index(from).alias(ContentIndex.ALIAS)))
				.actions((action) -> action.add((add) -> add.index(to).alias(ContentIndex.ALIAS))));
	}

	/** Points the alias at {@code index}, when it pointed nowhere. */
	public void attach(String index) throws IOException {
		this.client.indices()
			.updateAliases((request) -> request
				.actions((action) -> action.add((add) -> add.index(index).alias(ContentIndex.ALIAS))));
	}

	/** Documents in {@code index}, as of its last refresh. */
	public long count(String index) throws IOException {
		return this.client.count((request) -> request.index(index)).count();
	}

	/**
	 * Deletes every {@code content-vN} older than {@code keep}: after a switch, the index
	 * the alias left stays for a rollback until the next switch.
	 */
	public List<String> deleteOlderThan(String keep) throws IOException {
		List<String> older = all().stream().filter((index) -> number(index) < number(keep)).toList();
		for (String index : older) {
			this.client.indices().delete((request) -> request.index(index));
		}
		return older;
	}

	/** Sets how often an index refreshes; {@code -1} while it is bulk-loaded. */
	public void refreshInterval(String index, String interval) throws IOException {
		this.client.indices()
			.putSettings((request) -> request.index(index)
				.settings((settings) -> settings.refreshInterval((t) -> t.time(interval))));
	}

	public void refresh(String index) throws IOException {
		this.client.indices().refresh((request) -> request.index(index));
	}

	/**
	 * The mapping version an index was created with; 1 for indices from before versions.
	 */
	public int mappingVersion(String index) throws IOException {
		Map<String, JsonData> meta = this.client.indices()
			.getMapping((request) -> request.index(index))
			.get(index)
			.mappings()
			.meta();
		JsonData version = (meta != null) ? meta.get("mapping-version") : null;
		return (version != null) ? version.to(Integer.class) : 1;
	}

	/** The mapping version of the template this build carries. */
	public static int templateMappingVersion() {
		try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
			JsonNode template = JsonMapper.builder().build().readTree(in);
			return template.path("template").path("mappings").path("_meta").path("mapping-version").asInt(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int number(String index) {
		Matcher matcher = NAME.matcher(index);
		return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
	}

}
