package io.chancery.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browsers' pages may call the API. The API keys under the same prefix are
 * service-security's {@code SecurityProperties}, the same keys ingest-service accepts
 * (the gateway checks them first; the service checks them again).
 *
 * @param allowedOrigins origins browsers may call the API from (CORS); empty for none
 */
@ConfigurationProperties("chancery.security")
record CorsProperties(@DefaultValue List<String> allowedOrigins) {
}
