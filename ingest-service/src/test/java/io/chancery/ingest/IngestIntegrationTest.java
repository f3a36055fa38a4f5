package io.chancery.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service on a random port against the shared real Kafka, with an editor key, an
 * admin key and a key of a role that may not write. One annotation, so every class that
 * uses it shares one application context. An {@link IngestClient} field is injected ready
 * to use ({@link IngestClients}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chancery.security.api-keys[0].name=test-editor", "chancery.security.api-keys[0].role=editor",
		"chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2",
		"chancery.security.api-keys[1].name=test-reader", "chancery.security.api-keys[1].role=reader",
		"chancery.security.api-keys[1].sha256=145271d2e36bfb4579824b589a096f568321eaf94b334772363e4fce0c571e1b",
		"chancery.security.api-keys[2].name=test-admin", "chancery.security.api-keys[2].role=admin",
		"chancery.security.api-keys[2].sha256=37ad48f6764c66f3e06c07ac0cfa55d5e282c98c39804baa94644de7324ef84e" })
@Import({ ChanceryInfrastructureConfiguration.class, IngestClients.class })
@interface IngestIntegrationTest {

}
