package io.chancery.demo;

import java.time.LocalDate;
import java.util.List;

import io.chancery.contracts.MessageJson;
import tools.jackson.databind.JsonNode;

/** The catalog most tests look at, generated once per test JVM. */
final class Catalogs {

	static final LocalDate UNTIL = LocalDate.of(2026, 11, 30);

	static final DemoCatalog SEED_1 = DemoCatalog.generate(1, UNTIL);

	private static List<String> lines;

	private static List<JsonNode> trees;

	private Catalogs() {
	}

	static synchronized List<String> lines() {
		if (lines == null) {
			lines = SEED_1.lines().toList();
		}
		return lines;
	}

	static synchronized List<JsonNode> trees() {
		if (trees == null) {
			trees = lines().stream().map((line) -> MessageJson.mapper().readTree(line)).toList();
		}
		return trees;
	}

	static List<JsonNode> ofType(String type) {
		return trees().stream().filter((line) -> line.get("type").asString().equals(type)).toList();
	}

}
