package io.chancery.search.reading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.chancery.web.StrictQueryAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice of public read routes without Elasticsearch: the controllers a test names,
 * with the service's rules for read parameters, its problem handler and reading settings,
 * and a {@link RecordingSearch} as the index. The security chain is left out: it guards
 * the admin and editorial routes only, and its own tests are elsewhere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration(StrictQueryAutoConfiguration.class)
@EnableConfigurationProperties({ ReadingProperties.class, ReadingLimits.class })
@Import({ StrictReads.class, Reads.class, ReadRouteTest.Index.class })
public @interface ReadRouteTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	/** Settings in {@code key=value} form, beside the service's own. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties() default {};

	/** The index every read route of the slice asks. */
	@TestConfiguration(proxyBeanMethods = false)
	class Index {

		@Bean
		RecordingSearch index(ReadingLimits limits) {
			return new RecordingSearch(limits);
		}

	}

}
