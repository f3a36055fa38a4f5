package io.chancery.ingest.web;

import tools.jackson.databind.cfg.DateTimeFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How requests are read: an editor's offsets are data and are kept as sent, not moved to
 * UTC.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer keepOffsets() {
		return (builder) -> builder.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
	}

}
