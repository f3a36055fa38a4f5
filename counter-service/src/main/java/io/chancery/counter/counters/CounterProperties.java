package io.chancery.counter.counters;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param locales the locales the site publishes in
 */
@ConfigurationProperties("chancery.content")
record CounterProperties(@DefaultValue( {
		"en", "ru" }) List<String> locales){
}
