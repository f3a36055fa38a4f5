package io.chancery.gateway.website;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The website's scripts, style and images, each under a name that carries a hash of its
 * content ({@code page.3f2a1b9c0d.js}), so a browser may keep it for a year and a new
 * release is fetched at once. A script's imports of its neighbours are rewritten to their
 * hashed names before its own hash is taken, so a change anywhere renames everything that
 * reaches it. {@code words.json} is the one the site's languages make ({@link Words}).
 * The plain names still answer, revalidated after an hour, for what links to them from
 * outside.
 */
@Component
class Assets {

	private static final String LOCATION = "classpath:/website/static/assets/*";

	private static final Pattern IMPORT = Pattern.compile("((?:from|import)\\s+)'\\./([A-Za-z0-9_.-]+)'");

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl HOURLY = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private static final Map<String, MediaType> TYPES = Map.of("js", MediaType.parseMediaType("text/javascript"), "css",
			MediaType.parseMediaType("text/css"), "json", MediaType.APPLICATION_JSON, "svg",
			MediaType.parseMediaType("image/svg+xml"), "png", MediaType.IMAGE_PNG);

	private final Map<String, byte[]> sources = new LinkedHashMap<>();

	/** Each asset's hashed name, by its plain name. */
	private final Map<String, String> hashed = new HashMap<>();

	/** Each asset's bytes as served, by both its names. */
	private final Map<String, byte[]> served = new HashMap<>();

	Assets(Words words) {
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				String name = resource.getFilename();
				String extension = (name != null) ? extension(name) : null;
				if (extension != null && TYPES.containsKey(extension)) {
					this.sources.put(name, resource.getContentAsByteArray());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.sources.put("words.json", words.json());
		this.sources.keySet().forEach((name) -> hash(name, 0));
	}

	/** The address of an asset, by its plain name. */
	String href(String name) {
		String hashedName = this.hashed.get(name);
		if (hashedName == null) {
			throw new IllegalArgumentException("No asset " + name);
		}
		return "/assets/" + hashedName;
	}

	Mono<ServerResponse> serve(ServerRequest request) {
		String name = request.pathVariable("name");
		byte[] body = this.served.get(name);
		if (body == null) {
			return ServerResponse.notFound().build();
		}
		boolean forever = !this.hashed.containsKey(name);
		String tag = "\"" + hashOf(body) + "\"";
		if (tag.equals(request.headers().firstHeader(HttpHeaders.IF_NONE_MATCH))) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(tag)
				.cacheControl(forever ? FOREVER : HOURLY)
				.build();
		}
		return ServerResponse.ok()
			.contentType(TYPES.get(extension(name)))
			.eTag(tag)
			.cacheControl(forever ? FOREVER : HOURLY)
			.bodyValue(body);
	}

	/**
	 * Gives an asset its hashed name, its imports' first; {@code depth} stops a cycle.
	 */
	private String hash(String name, int depth) {
		String known = this.hashed.get(name);
		if (known != null) {
			return known;
		}
		if (depth > this.sources.size()) {
			throw new IllegalStateException("The website's scripts import each other in a cycle through " + name);
		}
		byte[] source = this.sources.get(name);
		byte[] body = source;
		if (name.endsWith(".js")) {
			Matcher imports = IMPORT.matcher(new String(source, StandardCharsets.UTF_8));
			StringBuilder rewritten = new StringBuilder();
			while (imports.find()) {
				String target = imports.group(2);
				String replacement = this.sources.containsKey(target) ? hash(target, depth + 1) : target;
				imports.appendReplacement(rewritten,
						Matcher.quoteReplacement(imports.group(1) + "'./" + replacement + "'"));
			}
			imports.appendTail(rewritten);
			body = rewritten.toString().getBytes(StandardCharsets.UTF_8);
		}
		int dot = name.lastIndexOf('.');
		String hashedName = name.substring(0, dot) + "." + hashOf(body).substring(0, 10) + name.substring(dot);
		this.hashed.put(name, hashedName);
		this.served.put(name, body);
		this.served.put(hashedName, body);
		return hashedName;
	}

	private static @Nullable String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? null : name.substring(dot + 1);
	}

	private static String hashOf(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
