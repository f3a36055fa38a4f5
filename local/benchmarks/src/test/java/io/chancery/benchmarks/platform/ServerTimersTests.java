package io.chancery.benchmarks.platform;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTimersTests {

	private final ServerTimers timers = new ServerTimers(null, null, "POST",
			Set.of("/api/v1/articles", "ingest-writes"));

	@Test
	void theRoutesSeriesAreAddedUpWhateverTheirStatus() {
		ServerTimers.Reading reading = this.timers
			.parse("""
					# HELP http_server_requests_seconds
					http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/api/v1/articles"} 10
					http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="201",uri="/api/v1/articles"} 0.5
					http_server_requests_seconds_max{method="POST",outcome="SUCCESS",status="201",uri="/api/v1/articles"} 0.2
					http_server_requests_seconds_count{method="POST",outcome="SERVER_ERROR",status="503",uri="/api/v1/articles"} 2
					http_server_requests_seconds_sum{method="POST",outcome="SERVER_ERROR",status="503",uri="/api/v1/articles"} 0.01
					http_server_requests_seconds_max{method="POST",outcome="SERVER_ERROR",status="503",uri="/api/v1/articles"} 0.9
					http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/api/v1/articles"} 99
					http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/api/v1/import"} 99
					""");
		assertThat(reading.count()).isEqualTo(12);
		assertThat(reading.seconds()).isEqualTo(0.51);
		assertThat(reading.max()).isEqualTo(0.9);
	}

	@Test
	void aPhaseIsDescribedByWhatChangedInIt() {
		String described = ServerTimers.describe(Map.of("web-gateway", new ServerTimers.Reading(100, 1.0, 0.1)),
				Map.of("web-gateway", new ServerTimers.Reading(300, 5.0, 2.5)));
		assertThat(described).isEqualTo("web-gateway 200 requests, mean 20.0 ms, slowest 2,500 ms");
	}

}
