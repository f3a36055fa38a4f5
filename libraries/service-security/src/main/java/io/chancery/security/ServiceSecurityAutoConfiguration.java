package io.chancery.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Binds {@code chancery.security.*} in the gateway and every service, and keeps Spring
 * Security out of the observations.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
class ServiceSecurityAutoConfiguration {

	/**
	 * No observation per security filter, authentication and authorization: each request
	 * is already timed and traced once as a whole ({@code http.server.requests}), and the
	 * fifteen-odd nested observations of the filter chain cost more CPU per write than
	 * the write's validation does (JFR, the benchmark's freshness scenario).
	 */
	@Bean
	@ConditionalOnMissingBean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
