package io.chancery.ingest.imports;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.changes.Conditions;
import io.chancery.ingest.changes.ImportContext;
import io.chancery.ingest.web.Forwarding;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/import} takes NDJSON, one item per line with a {@code type} of
 * article, event or site; the answer reports every rejected line. Send an
 * {@code Import-Id} to follow a long import at {@code GET /api/v1/imports/{id}} while it
 * runs.
 */
@RestController
class ImportController {

	private static final Pattern IMPORT_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final int KEPT = 100;

	private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(2);

	/** A relayed part of an import is at most one batch of lines. */
	private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(60);

	private final CatalogImport catalogImport;

	private final Map<String, ImportJob> jobs = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, ImportJob> eldest) {
			return size() > KEPT;
		}
	};

	private final Forwarding forwarding;

	private final JsonMapper json;

	private final ContentPublisher publisher;

	private final Clock clock;

	ImportController(CatalogImport catalogImport, Forwarding forwarding, JsonMapper json, ContentPublisher publisher,
			Clock clock) {
		this.clock = clock;
		this.catalogImport = catalogImport;
		this.forwarding = forwarding;
		this.json = json;
		this.publisher = publisher;
	}

	@PostMapping(path = "/api/v1/import", consumes = { "application/x-ndjson", "application/jsonl" })
	ResponseEntity<?> importCatalog(HttpServletRequest request,
			@RequestHeader(name = "Import-Id", required = false) @Nullable String importId,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) throws IOException {
		Conditions.noneToMatch(ifMatch, "an import line replaces an item whatever its revision");
		String id = (importId != null) ? importId : UUID.randomUUID().toString();
		if (!IMPORT_ID.matcher(id).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Import-Id must be 1 to 100 letters, digits, dots, hyphens or underscores");
		}
		ImportJob job = new ImportJob(id);
		synchronized (this.jobs) {
			ImportJob existing = this.jobs.get(id);
			if (existing != null && existing.progress().state().equals("running")) {
				throw new ResponseStatusException(HttpStatus.CONFLICT, "Import " + id + " is still running");
			}
			this.jobs.put(id, job);
		}
		// Lines passed on by the replica that runs the import are recorded as part of it.
		String partOf = Forwarding.forwarded(request) ? request.getHeader(Forwarding.IMPORT_OF) : null;
		ImportContext context = new ImportContext((partOf != null && IMPORT_ID.matcher(partOf).matches()) ? partOf : id,
				this.clock.instant());
		this.catalogImport.run(job, context, request.getInputStream(), Forwarding.forwarded(request) ? null
				: (owner, lines) -> relay(request, owner, lines, context.importId()));
		ImportReport report = job.report();
		if (report.state().equals("interrupted")) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "5")
				.body(report);
		}
		if (report.accepted() == 0) {
			return nothingImported(report);
		}
		return ResponseEntity.ok(report);
	}

	/**
	 * Imports lines at the replica that writes their partitions, through the same route
	 * and with the same credential, and reads back what it made of them.
	 */
	private CatalogImport.Relayed relay(HttpServletRequest request, URI owner, List<String> lines, String importId) {
		byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
		ResponseEntity<?> answer = this.forwarding.forward(request, owner, body, RELAY_TIMEOUT,
				Map.of(Forwarding.IMPORT_OF, importId));
		int status = answer.getStatusCode().value();
		if (answer.getBody() instanceof byte[] bytes && (status == 200 || status == 422 || status == 503)) {
			JsonNode report = this.json.readTree(bytes);
			Map<Long, String> rejections = new LinkedHashMap<>();
			for (JsonNode rejection : report.path("rejections")) {
				rejections.put(rejection.path("line").asLong(), rejection.path("reason").asString());
			}
			if (report.path("accepted").isNumber()) {
				return new CatalogImport.Relayed(report.path("accepted").asLong(), rejections,
						"interrupted".equals(report.path("state").asString()));
			}
		}
		Map<Long, String> all = new LinkedHashMap<>();
		for (long position = 1; position <= lines.size(); position++) {
			all.put(position,
					"the replica that writes it (" + owner + ") answered " + status + "; import this line again");
		}
		return new CatalogImport.Relayed(0, all, true);
	}

	/**
	 * An import that stored nothing is a failed request, not a success with a report: 400
	 * when there was nothing but blank lines, 422 when every line was refused. The report
	 * travels in the problem.
	 */
	private static ResponseEntity<ProblemDetail> nothingImported(ImportReport report) {
		boolean empty = report.rejected() == 0;
		HttpStatus status = empty ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				empty ? "The import has no lines: send NDJSON, one item per line with a type of article, event or site"
						: "None of the " + report.lines() + " lines was imported; see rejections");
		problem.setTitle(empty ? "Empty import" : "Nothing imported");
		problem.setProperty("importId", report.importId());
		problem.setProperty("lines", report.lines());
		problem.setProperty("accepted", 0);
		problem.setProperty("rejected", report.rejected());
		problem.setProperty("rejections", report.rejections());
		problem.setProperty("rejectionsTruncated", report.rejectionsTruncated());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * An import's report. It lives on the replica that runs the import; asked elsewhere,
	 * this replica asks the others.
	 */
	@GetMapping("/api/v1/imports/{id}")
	ResponseEntity<?> progress(@PathVariable String id, HttpServletRequest request) {
		ImportJob job;
		synchronized (this.jobs) {
			job = this.jobs.get(id);
		}
		if (job != null) {
			return ResponseEntity.ok(job.report());
		}
		if (!Forwarding.forwarded(request)) {
			for (URI replica : this.publisher.otherReplicas()) {
				ResponseEntity<?> answer = this.forwarding.forward(request, replica, new byte[0], PROGRESS_TIMEOUT);
				if (answer.getStatusCode().is2xxSuccessful()) {
					return answer;
				}
			}
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id + " on any replica");
	}

}
