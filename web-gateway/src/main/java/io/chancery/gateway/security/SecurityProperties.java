package io.chancery.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials for automation, the same keys ingest-service accepts (the gateway checks
 * them first; the service checks them again).
 *
 * @param apiKeys the accepted API keys, by digest; the keys themselves are never stored
 * @param allowedOrigins origins browsers may call the API from (CORS); empty for none
 */
@ConfigurationProperties("chancery.security")
record SecurityProperties(@DefaultValue List<ApiKey> apiKeys, @DefaultValue List<String> allowedOrigins) {

	/**
	 * One API key.
	 *
	 * @param name who holds it, for logs and rate limits
	 * @param role {@code editor} or {@code admin}
	 * @param sha256 the hex SHA-256 digest of the key
	 */
	record ApiKey(String name, String role, String sha256) {
	}

}
