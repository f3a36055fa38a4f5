package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the current trace context (W3C {@code traceparent}) on outgoing records, so a
 * consumer continues the trace of the request that made the change.
 */
@Component
class TraceHeaders {

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	TraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	void inject(Headers headers) {
		Tracer currentTracer = this.tracer.getIfAvailable();
		Propagator currentPropagator = this.propagator.getIfAvailable();
		if (currentTracer == null || currentPropagator == null) {
			return;
		}
		Span span = currentTracer.currentSpan();
		if (span != null) {
			currentPropagator.inject(span.context(), headers,
					(carrier, key, value) -> carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

}
