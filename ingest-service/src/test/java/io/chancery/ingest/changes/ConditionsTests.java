package io.chancery.ingest.changes;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConditionsTests {

	@Test
	void ifMatchNamesOneRevisionStrongWeakOrBare() {
		assertThat(Conditions.expectedRevision("\"3\"")).isEqualTo(3L);
		assertThat(Conditions.expectedRevision("W/\"17\"")).isEqualTo(17L);
		assertThat(Conditions.expectedRevision(" 42 ")).isEqualTo(42L);
		assertThat(Conditions.expectedRevision(null)).isNull();
	}

	@Test
	void ifMatchWithAnythingElseIsABadRequest() {
		for (String header : new String[] { "*", "\"0\"", "\"3\", \"4\"", "\"-1\"", "\"1234567890123456789\"", "" }) {
			assertThatExceptionOfType(ResponseStatusException.class)
				.isThrownBy(() -> Conditions.expectedRevision(header))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		}
	}

	@Test
	void ifMatchWhereNothingCanMatchFailsThePrecondition() {
		Conditions.noneToMatch(null, "create without it");
		assertThatExceptionOfType(ResponseStatusException.class)
			.isThrownBy(() -> Conditions.noneToMatch("\"1\"", "create without it"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
	}

	@Test
	void anIdempotencyKeyIsOneToTwoHundredVisibleAsciiCharacters() {
		assertThat(Conditions.idempotencyKey("import-2026-11-30#1")).isEqualTo("import-2026-11-30#1");
		assertThat(Conditions.idempotencyKey("k".repeat(200))).hasSize(200);
		assertThat(Conditions.idempotencyKey(null)).isNull();
		for (String header : new String[] { "", "with space", "k".repeat(201), "ключ" }) {
			assertThatExceptionOfType(ResponseStatusException.class)
				.isThrownBy(() -> Conditions.idempotencyKey(header));
		}
	}

	@Test
	void aFingerprintTellsARetryFromADifferentRequest() {
		String sent = Fingerprints.of("PUT", "/api/v1/articles/a1/en", "{\"title\":\"A\"}".getBytes());
		assertThat(Fingerprints.of("PUT", "/api/v1/articles/a1/en", "{\"title\":\"A\"}".getBytes())).isEqualTo(sent)
			.hasSize(64);
		assertThat(Fingerprints.of("PUT", "/api/v1/articles/a1/en", "{\"title\":\"B\"}".getBytes())).isNotEqualTo(sent);
		assertThat(Fingerprints.of("PUT", "/api/v1/articles/a2/en", "{\"title\":\"A\"}".getBytes())).isNotEqualTo(sent);
		assertThat(Fingerprints.of("POST", "/api/v1/articles/a1/en", "{\"title\":\"A\"}".getBytes()))
			.isNotEqualTo(sent);
	}

	@Test
	void onlyARequestUnderAnIdempotencyKeyIsDigested() {
		AtomicInteger serialised = new AtomicInteger();
		Supplier<byte[]> body = () -> {
			serialised.incrementAndGet();
			return "{\"title\":\"A\"}".getBytes();
		};
		assertThat(Fingerprints.of(null, "PUT", "/api/v1/articles/a1/en", body)).isNull();
		assertThat(serialised).hasValue(0);
		assertThat(Fingerprints.of("k-1", "PUT", "/api/v1/articles/a1/en", body))
			.isEqualTo(Fingerprints.of("PUT", "/api/v1/articles/a1/en", "{\"title\":\"A\"}".getBytes()));
		assertThat(serialised).hasValue(1);
	}

}
