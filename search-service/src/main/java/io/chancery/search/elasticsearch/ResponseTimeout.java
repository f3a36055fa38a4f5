package io.chancery.search.elasticsearch;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@code spring.elasticsearch.socket-timeout} bound the wait for an answer. Spring
 * Boot puts it on the connections, but the Elasticsearch client's requests carry a
 * response timeout of 0, which HttpClient 5 reads as "wait for ever" and which overrides
 * the connections' own: a node that stops answering without closing its connections (a
 * paused process) held every request sent to it until the caller gave up. With the
 * response timeout set, the client gives such a node up after the timeout, sets it aside
 * and sends the request to the next node.
 */
@Configuration(proxyBeanMethods = false)
class ResponseTimeout {

	@Bean
	Rest5ClientBuilderCustomizer responseTimeoutFromSocketTimeout(ElasticsearchProperties properties) {
		return new Rest5ClientBuilderCustomizer() {

			@Override
			public void customize(Rest5ClientBuilder builder) {
			}

			@Override
			public void customize(RequestConfig.Builder config) {
				config.setResponseTimeout(Timeout.of(properties.getSocketTimeout()));
			}

		};
	}

}
