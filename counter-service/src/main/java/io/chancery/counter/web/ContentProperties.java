package io.chancery.counter.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param locales the locales the site publishes in; a read for any other is refused
 */
@ConfigurationProperties("chancery.content")
public record ContentProperties(@DefaultValue( {
		"en", "ru" }) List<String> locales){
}
