package io.chancery.counter.stream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/counters/stream?locale=en}: {@code counter-rolled-over} (the new
 * value, at the counter's midnight), {@code counter-changed} (a definition added, changed
 * or removed) and {@code clock-offset-changed}, each with an id; a page that reconnects
 * with {@code Last-Event-ID} is sent what it missed, or {@code stream-reset} when that is
 * no longer kept. A comment every 20 s keeps idle connections open through proxies.
 */
@RestController
class StreamController {

	private final CounterStream stream;

	StreamController(CounterStream stream) {
		this.stream = stream;
	}

	@GetMapping(path = "/api/v1/counters/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam(required = false) @Nullable String locale,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		return this.stream.subscribe((locale == null || locale.isBlank()) ? "en" : locale.strip(), lastEventId);
	}

}
