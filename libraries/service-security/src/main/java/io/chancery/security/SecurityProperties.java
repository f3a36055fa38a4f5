package io.chancery.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials for automation.
 *
 * @param apiKeys the accepted API keys, by digest; the keys themselves are never stored
 */
@ConfigurationProperties("chancery.security")
public record SecurityProperties(@DefaultValue List<ApiKey> apiKeys) {

	/**
	 * One API key.
	 *
	 * @param name who holds it, for logs
	 * @param role {@code editor} or {@code admin}
	 * @param sha256 the hex SHA-256 digest of the key
	 */
	public record ApiKey(String name, String role, String sha256) {
	}

}
