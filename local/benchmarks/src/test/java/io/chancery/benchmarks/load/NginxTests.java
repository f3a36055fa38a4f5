package io.chancery.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NginxTests {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void proxiesExactPathsAndServesStaticFilesThenStops() throws Exception {
		// nginx's workers run unprivileged when the tests run as root: they must pass
		// through.
		Path directory = Files.createTempDirectory("nginx-tests-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		try (TinyServer upstream = new TinyServer("max-age=30")) {
			Nginx nginx = Nginx.start(directory.resolve("nginx"), Map.of("/api/v1/clocks", upstream.port()));
			try {
				HttpResponse<String> proxied = get(nginx.url() + "/api/v1/clocks");
				assertThat(proxied.statusCode()).isEqualTo(200);
				assertThat(proxied.body()).isEqualTo("{\"ok\":true}");
				// The upstream sees a plain host name, which servlet containers accept.
				assertThat(upstream.requests).singleElement().asString().contains(" 127.0.0.1");

				nginx.serve("/api/v1/home", "{\"home\":\"данные\"}".getBytes(StandardCharsets.UTF_8));
				HttpResponse<String> file = get(nginx.url() + "/api/v1/home");
				assertThat(file.statusCode()).isEqualTo(200);
				assertThat(file.headers().firstValue("Content-Type")).hasValue("application/json");
				assertThat(file.body()).isEqualTo("{\"home\":\"данные\"}");
			}
			finally {
				nginx.close();
			}
			assertThat(Files.exists(directory.resolve("nginx/nginx.pid"))).isFalse();
		}
		finally {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	@Test
	void versionNamesNginx() {
		assertThat(Nginx.version()).startsWith("nginx/");
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
