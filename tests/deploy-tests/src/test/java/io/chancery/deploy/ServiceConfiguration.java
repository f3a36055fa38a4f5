package io.chancery.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one service reads from its environment, from its own sources: the
 * {@code ${VARIABLE:default}} placeholders of its application.yml, the variables its
 * README documents, and the configuration properties declared in the metadata of its jar
 * (its own and its libraries'), which Spring Boot binds from variables by relaxed
 * binding.
 */
final class ServiceConfiguration {

	/** Read by the JVM itself, not by Spring. */
	/** Read by the JVM and the C library the JVM runs on, not by the application. */
	static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

	/**
	 * A documented variable: a name, a shorthand ({@code _ROLE}, {@code …_ROLE})
	 * completing the one before, or a family with {@code <n>} for a list index and
	 * {@code *} for any rest.
	 */
	private static final Pattern VARIABLE = Pattern.compile("`((?:…|_)?[A-Z][A-Z0-9_]*(?:<n>[A-Z0-9_]*)?(?:\\*)?)`");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, ServiceConfiguration> loaded = new LinkedHashMap<>();

	private final String service;

	private final String applicationYaml;

	private final String readme;

	private final Map<String, String> properties;

	private ServiceConfiguration(String service, String applicationYaml, String readme,
			Map<String, String> properties) {
		this.service = service;
		this.applicationYaml = applicationYaml;
		this.readme = readme;
		this.properties = properties;
	}

	static synchronized ServiceConfiguration of(String service) {
		return loaded.computeIfAbsent(service, (name) -> {
			Path module = Chart.project().resolve(name);
			try {
				return new ServiceConfiguration(name,
						Files.readString(module.resolve("src/main/resources/application.yml")),
						Files.readString(module.resolve("README.md")), metadata(jar(name)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** The service's jar as the reactor built it. */
	static Path jar(String service) {
		String path = System.getProperty("chancery.jar." + service);
		if (path == null || path.isBlank()) {
			path = Chart.project().resolve(service).resolve("target/" + service + "-0.1.0-SNAPSHOT.jar").toString();
		}
		return Path.of(path);
	}

	static boolean jarBuilt(String service) {
		Path jar = jar(service);
		return Files.isRegularFile(jar) && jar.toString().endsWith(".jar");
	}

	String service() {
		return this.service;
	}

	/** The variables application.yml names in placeholders. */
	Set<String> placeholders() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(this.applicationYaml);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	JsonNode applicationYaml() {
		return Chart.YAML.readTree(this.applicationYaml);
	}

	/**
	 * The variables the README's configuration section documents, a group per line: a
	 * line that offers alternatives ("or") is one group, any of which will do; otherwise
	 * each variable is its own group. A shorthand such as {@code _ROLE} completes the
	 * variable before it.
	 */
	List<Set<String>> documented() {
		List<Set<String>> groups = new ArrayList<>();
		boolean inSection = false;
		for (String line : this.readme.split("\n")) {
			if (line.startsWith("## ")) {
				inSection = line.toLowerCase(Locale.ROOT).contains("configuration");
				continue;
			}
			if (!inSection && !line.startsWith("**Configuration.**")) {
				continue;
			}
			String cell = line.startsWith("|") ? line.split("\\|")[1] : line;
			List<String> variables = new ArrayList<>();
			Matcher matcher = VARIABLE.matcher(cell);
			while (matcher.find()) {
				String name = matcher.group(1).replace("…", "");
				variables.add(name.startsWith("_") && !variables.isEmpty() ? complete(variables.get(0), name) : name);
			}
			variables.removeIf((name) -> name.startsWith("_") || isFamily(name));
			if (variables.isEmpty()) {
				continue;
			}
			if (cell.contains(" or ") || cell.contains("(or ")) {
				groups.add(new LinkedHashSet<>(variables));
			}
			else {
				variables.forEach((name) -> groups.add(Set.of(name)));
			}
		}
		return groups;
	}

	/**
	 * The documented families of variables ({@code A_<n>_*}, {@code B_*}), and every
	 * documented list entry {@code A_0_B} as the family {@code A_<n>_B}, as patterns.
	 */
	List<Pattern> documentedFamilies() {
		List<Pattern> families = new ArrayList<>();
		boolean inSection = false;
		for (String line : this.readme.split("\n")) {
			if (line.startsWith("## ")) {
				inSection = line.toLowerCase(Locale.ROOT).contains("configuration");
				continue;
			}
			if (!inSection && !line.startsWith("**Configuration.**")) {
				continue;
			}
			Matcher matcher = VARIABLE.matcher(line);
			while (matcher.find()) {
				String name = matcher.group(1);
				if (isFamily(name)) {
					families.add(Pattern.compile(name.replace("<n>", "[0-9]+").replace("*", "[A-Z0-9_]+")));
				}
			}
		}
		documented().stream()
			.flatMap(Set::stream)
			.filter((name) -> name.matches(".*_0(_.*)?"))
			.forEach((name) -> families.add(Pattern.compile(name.replaceAll("_0(_|$)", "_[0-9]+$1"))));
		return families;
	}

	private static boolean isFamily(String name) {
		return name.contains("<n>") || name.contains("*");
	}

	/**
	 * {@code _ROLE} after {@code A_B_0_NAME} is {@code A_B_0_ROLE}: the shortest
	 * completion that binds.
	 */
	private String complete(String full, String shorthand) {
		String prefix = full;
		while (prefix.contains("_")) {
			prefix = prefix.substring(0, prefix.lastIndexOf('_'));
			if (binds(prefix + shorthand)) {
				return prefix + shorthand;
			}
		}
		return full.substring(0, full.lastIndexOf('_')) + shorthand;
	}

	/**
	 * Whether the service reads this variable: a placeholder, a documented variable, one
	 * the JVM reads, or the relaxed-binding name of a property the service declares.
	 */
	boolean reads(String variable) {
		return JVM_VARIABLES.contains(variable) || placeholders().contains(variable)
				|| documented().stream().anyMatch((group) -> group.contains(variable))
				|| documentedFamilies().stream().anyMatch((family) -> family.matcher(variable).matches())
				|| binds(variable);
	}

	/**
	 * Whether Spring Boot binds the variable to a declared property: the property's name
	 * in upper case with dots as underscores, its dashes removed or (the older form) also
	 * underscores; below a map or list property, anything longer.
	 */
	boolean binds(String variable) {
		for (Map.Entry<String, String> property : this.properties.entrySet()) {
			String name = property.getKey().toUpperCase(Locale.ROOT).replace('.', '_');
			for (String form : List.of(name.replace("-", ""), name.replace('-', '_'))) {
				if (variable.equals(form)) {
					return true;
				}
				String type = property.getValue();
				boolean container = type.startsWith("java.util.Map") || type.startsWith("java.util.List")
						|| type.startsWith("java.util.Set") || type.endsWith("[]");
				if (container && variable.startsWith(form + "_")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Property name to type, from every configuration metadata file in a Spring Boot jar.
	 */
	private static Map<String, String> metadata(Path jar) throws IOException {
		Map<String, String> properties = new LinkedHashMap<>();
		if (!Files.isRegularFile(jar)) {
			return properties;
		}
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : zip.stream().toList()) {
				if (isMetadata(entry.getName())) {
					try (InputStream in = zip.getInputStream(entry)) {
						read(in, properties);
					}
				}
				else if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
					try (ZipInputStream nested = new ZipInputStream(zip.getInputStream(entry))) {
						for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
							if (isMetadata(inner.getName())) {
								read(new ByteArrayInputStream(nested.readAllBytes()), properties);
							}
						}
					}
				}
			}
		}
		return properties;
	}

	private static boolean isMetadata(String name) {
		return name.endsWith("META-INF/spring-configuration-metadata.json")
				|| name.endsWith("META-INF/additional-spring-configuration-metadata.json");
	}

	private static void read(InputStream in, Map<String, String> properties) {
		JsonNode metadata = JSON.readTree(in);
		for (JsonNode property : metadata.path("properties")) {
			properties.put(property.path("name").asString(), property.path("type").asString(""));
		}
	}

	Collection<String> declaredProperties() {
		return this.properties.keySet();
	}

}
