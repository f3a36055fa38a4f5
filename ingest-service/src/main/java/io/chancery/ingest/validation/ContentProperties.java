package io.chancery.ingest.validation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The content rules an installation chooses.
 *
 * @param locales the locales the site publishes in
 * @param maxBodySize the largest request body of a single change; larger ones get 413
 * @param maxImportLineSize the largest line of an NDJSON import
 */
@ConfigurationProperties("chancery.content")
public record ContentProperties(@DefaultValue( {
		"en", "ru" }) List<String> locales, @DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("1MB") DataSize maxImportLineSize){
}
