package io.chancery.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A source for the other gateways some tests start beside their own: Reactor Netty's
 * global event loops, which Boot's resource factory takes outside tests, are disposed
 * when a context that took them closes, and with them the servers of the test's own
 * gateway that run on them (its management server among them). Not a
 * {@code @Configuration}, so that scanning leaves it out; named as a source, its bean is
 * registered all the same.
 */
final class OwnNettyResources {

	@Bean
	ReactorResourceFactory ownReactorResources() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		return resources;
	}

}
