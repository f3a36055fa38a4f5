package io.chancery.gateway.web;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemErrorHandlerTests {

	@Test
	void anUnreachableServiceIsA503WithRetryAfter() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		ProblemErrorHandler
			.answer(MockServerHttpRequest.post("/api/v1/articles").build(), response, new ConnectException("refused"))
			.block();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
	}

	@Test
	void afterTheAnswerBeganTheErrorGoesOnUntouched() {
		// A 201 already on its way when the client went away: its headers are read-only,
		// and setting Retry-After used to replace the client's disconnection with an
		// UnsupportedOperationException logged as an error.
		MockServerHttpResponse response = new MockServerHttpResponse();
		response.setStatusCode(HttpStatus.CREATED);
		response.setComplete().block();
		AbortedException gone = new AbortedException("Connection has been closed");
		assertThatThrownBy(
				() -> ProblemErrorHandler.answer(MockServerHttpRequest.post("/api/v1/articles").build(), response, gone)
					.block())
			.isSameAs(gone);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

}
