package io.chancery.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Import into a test's application context to point it at the shared
 * {@link Infrastructure}. Each value is a supplier, so an engine starts only when the
 * context reads a property that needs it.
 */
@Configuration(proxyBeanMethods = false)
public class ChanceryInfrastructureConfiguration {

	@Bean
	static DynamicPropertyRegistrar chanceryInfrastructureProperties() {
		return (registry) -> {
			Infrastructure infrastructure = Infrastructure.shared();
			registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
			registry.add("spring.elasticsearch.uris", infrastructure::elasticsearchUrl);
		};
	}

}
