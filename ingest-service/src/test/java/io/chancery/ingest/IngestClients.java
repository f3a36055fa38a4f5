package io.chancery.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * A client of the service under test, injected into each test once the service is ready.
 * A new one per injection (prototype), so each test waits for readiness again: a test
 * before it may have taken the broker away.
 */
@TestConfiguration(proxyBeanMethods = false)
class IngestClients {

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	IngestClient ingestClient(@Value("${local.server.port}") int port,
			@Value("${local.management.port}") int management) {
		IngestClient.awaitReady("http://127.0.0.1:" + management);
		return new IngestClient("http://127.0.0.1:" + port);
	}

}
