package io.chancery.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.chancery.ingest.changes.EditorialRecord;
import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.web.Forwarding;
import io.chancery.web.StrictQueryAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice of the write routes without Kafka: the service's own controllers, kinds,
 * importers, problem handler and JSON settings, an editor signed in, and the publisher
 * (with what passes changes on and reads the editorial record) as Mockito beans a test
 * stubs and checks. The security chain is left out: its rules are the engine tests' and
 * the gateway's subject.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "io\\.chancery\\.ingest\\.(articles|events|site)\\.\\w+(Controller|Changes)",
						"io\\.chancery\\.ingest\\.site\\.SiteImporter",
						"io\\.chancery\\.ingest\\.imports\\.(ImportController|CatalogImport|ImportLines)",
						"io\\.chancery\\.ingest\\.web\\.(ProblemHandler|JsonConfiguration)" }))
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration(StrictQueryAutoConfiguration.class)
@EnableConfigurationProperties(ContentProperties.class)
@WithMockUser("api-key:test-editor")
@MockitoBean(types = { ContentPublisher.class, Forwarding.class, EditorialRecord.class })
public @interface WriteRouteTest {

}
