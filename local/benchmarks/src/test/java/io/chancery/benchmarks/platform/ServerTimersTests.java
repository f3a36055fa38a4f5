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

	@Test
	void aSummaryIsReadByItsNameAndItsMeanOverProcesses() {
		ServerTimers.Reading reading = ServerTimers.summary("""
				# HELP chancery_ingest_transaction_changes Changes committed per Kafka transaction
				# TYPE chancery_ingest_transaction_changes summary
				chancery_ingest_transaction_changes_count 40
				chancery_ingest_transaction_changes_sum 100.0
				# TYPE chancery_ingest_transaction_changes_max gauge
				chancery_ingest_transaction_changes_max 9.0
				chancery_ingest_writes_refused_total 3.0
				""", "chancery_ingest_transaction_changes");
		assertThat(reading).isEqualTo(new ServerTimers.Reading(40, 100.0, 9.0));
		String mean = ServerTimers.describeMean(
				Map.of("ingest-service", new ServerTimers.Reading(10, 10, 1), "web-gateway", ServerTimers.Reading.NONE),
				Map.of("ingest-service", reading, "ingest-service-2", new ServerTimers.Reading(20, 30, 3),
						"web-gateway", ServerTimers.Reading.NONE),
				"changes", "transaction");
		assertThat(mean).isEqualTo("2.40 changes per transaction (50 transactions, at most 9)");
	}

	@Test
	void aCounterIsAddedUpOverItsSeries() {
		double total = ServerTimers.total(
				"""
						# HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
						# TYPE jvm_compilation_time_ms_total counter
						jvm_compilation_time_ms_total{application="ingest-service",compiler="HotSpot 64-Bit Tiered Compilers"} 1250.0
						jvm_compilation_time_ms_total_other 99.0
						jvm_compilation_time_ms 7.0
						""",
				"jvm_compilation_time_ms_total");
		assertThat(total).isEqualTo(1250.0);
	}

}
