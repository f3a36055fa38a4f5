package io.chancery.gateway.home;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per service behind the home page. The part timeout is the only time
 * limit (the breaker's own limiter sits just above it); a breaker opens when half of the
 * last twenty calls failed, and tries again after five seconds, so a dead service costs
 * its part of the page nothing but a fast "unavailable".
 */
@Configuration(proxyBeanMethods = false)
class Breakers {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> homeBreakers(HomeProperties properties) {
		return (factory) -> factory.configureDefault((id) -> new Resilience4JConfigBuilder(id)
			.timeLimiterConfig(
					TimeLimiterConfig.custom().timeoutDuration(properties.partTimeout().plusMillis(500)).build())
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(20)
				.minimumNumberOfCalls(10)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(5))
				.build())
			.build());
	}

}
