package io.chancery.ingest.imports;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.demo.DemoCatalog;
import io.chancery.ingest.changes.ImportContext;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.publishing.Previous;
import io.chancery.ingest.validation.ContentProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo catalog the local run imports is one this service accepts whole: every line
 * goes through the import's own reading and each kind's own validation (no Kafka, no web
 * layer), and the messages it would publish match the contract's JSON Schemas.
 */
@SpringBootTest(classes = DemoCatalogTests.ImportRules.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DemoCatalogTests {

	private static final List<String> CATALOG = DemoCatalog.generate(1, LocalDate.of(2026, 11, 30)).lines().toList();

	private static final ImportContext IMPORT = new ImportContext("demo-catalog",
			Instant.parse("2026-11-30T12:00:00Z"));

	@Autowired
	private ImportLines lines;

	@Test
	void everyLineIsAccepted() {
		List<String> rejections = new ArrayList<>();
		for (int i = 0; i < CATALOG.size(); i++) {
			try {
				this.lines.prepare(CATALOG.get(i), IMPORT);
			}
			catch (ImportLines.LineRejected ex) {
				rejections.add("line " + (i + 1) + ": " + ex.getMessage());
			}
		}
		assertThat(CATALOG).hasSizeGreaterThan(1_000);
		assertThat(rejections).isEmpty();
	}

	@Test
	void aLineTheRulesRefuseIsRefused() {
		String article = CATALOG.stream()
			.filter((line) -> line.contains("\"type\":\"article\"") && line.contains("\"locale\":\"en\""))
			.findFirst()
			.orElseThrow();
		assertThatExceptionOfType(ImportLines.LineRejected.class)
			.isThrownBy(() -> this.lines.prepare(article.replace("\"locale\":\"en\"", "\"locale\":\"de\""), IMPORT));
		assertThatExceptionOfType(ImportLines.LineRejected.class)
			.isThrownBy(() -> this.lines.prepare(article.replace("\"kind\":", "\"category\":\"x\",\"kind\":"), IMPORT));
	}

	@Test
	void whatWouldBePublishedMatchesTheContractSchemas() {
		SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		List<String> errors = new ArrayList<>();
		for (String line : CATALOG) {
			BatchItem item = this.lines.prepare(line, IMPORT);
			Schema schema = schemas.getSchema(schema(item.type()));
			schema.validate(MessageJson.mapper().valueToTree(item.payload().at(1, new Previous(0, null, false))))
				.forEach((error) -> errors.add(item.key() + " " + item.type().wireName() + ": " + error));
		}
		assertThat(errors).isEmpty();
	}

	/** The schema of an event type's payload, named after its class in kebab case. */
	private static InputStream schema(EventType type) {
		String name = type.payloadType().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		InputStream in = DemoCatalogTests.class.getResourceAsStream("/schemas/" + name + ".schema.json");
		assertThat(in).as(name + ".schema.json from contracts").isNotNull();
		return in;
	}

	/**
	 * Only what reads an import line: the content kinds' validation and importers, the
	 * import's line reader, and the service's JSON settings.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(JacksonAutoConfiguration.class)
	@EnableConfigurationProperties(ContentProperties.class)
	@ComponentScan(basePackages = "io.chancery.ingest", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = { "io\\.chancery\\.ingest\\.(articles|events|site)\\.\\w+(Changes|Importer)",
							"io\\.chancery\\.ingest\\.web\\.JsonConfiguration",
							"io\\.chancery\\.ingest\\.imports\\.ImportLines" }))
	static class ImportRules {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
