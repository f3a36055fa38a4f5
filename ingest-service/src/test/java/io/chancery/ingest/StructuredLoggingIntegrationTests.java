package io.chancery.ingest;

import io.chancery.contracts.MessageJson;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With structured logging switched on by configuration, log lines are JSON and carry the
 * request's trace id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=ecs",
				"logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG" })
@Import(ChanceryInfrastructureConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@Test
	void logLinesAreJsonWithTheTraceId(CapturedOutput output) throws Exception {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		new IngestClient(this.base).send("GET", "/v3/api-docs", null, null, "traceparent",
				"00-" + traceId + "-b7ad6b7169203331-01");
		JsonNode line = output.getOut()
			.lines()
			.filter((candidate) -> candidate.startsWith("{") && candidate.contains(traceId))
			.map((candidate) -> MessageJson.mapper().readTree(candidate))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No JSON log line with the trace id"));
		assertThat(line.toString()).contains("\"ecs\"").contains("ingest-service");
	}

}
