package io.chancery.ingest.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How requests are read: an editor's offsets are data and are kept as sent, not moved to
 * UTC; text with control characters or broken Unicode is refused field by field.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer keepOffsets() {
		return (builder) -> builder.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
	}

	/**
	 * A field given twice is refused rather than read as its last value: two readers of
	 * the same request must never see different content.
	 */
	@Bean
	JsonMapperBuilderCustomizer refuseDuplicateFields() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	@Bean
	JsonMapperBuilderCustomizer cleanStrings() {
		return (builder) -> builder
			.addModule(new SimpleModule("clean-strings").addDeserializer(String.class, new CleanStrings()));
	}

}
