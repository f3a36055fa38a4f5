package io.chancery.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service on a random port against the shared real Kafka and Elasticsearch, with the
 * tests' keys (src/test/resources/config). One annotation, so every class that uses it
 * shares one application context; a test publishes through {@link Content}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChanceryInfrastructureConfiguration.class)
public @interface SearchIntegrationTest {

}
