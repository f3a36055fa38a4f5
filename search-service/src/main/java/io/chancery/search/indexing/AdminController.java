package io.chancery.search.indexing;

import java.io.IOException;

import io.chancery.kafka.DeadLetterReader;
import io.chancery.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' routes: reindex without downtime, and the dead letters. The gateway lets
 * only admins reach {@code /api/v1/admin/**}; the service itself is reachable only inside
 * the cluster.
 */
@RestController
@Tag(name = "Admin", description = "Reindexing and dead letters (admins only, through the gateway)")
class AdminController {

	private final Reindexer reindexer;

	private final DeadLetterAdmin deadLetters;

	AdminController(Reindexer reindexer, DeadLetterAdmin deadLetters) {
		this.reindexer = reindexer;
		this.deadLetters = deadLetters;
	}

	@PostMapping("/api/v1/admin/reindex")
	@Operation(summary = "Rebuild the content index by replaying the topics",
			description = "The live index keeps serving; the alias switches atomically when the new index has "
					+ "caught up. 202 with the progress; 409 while one runs.")
	ResponseEntity<ReindexStatus> reindex() throws IOException {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.reindexer.start());
	}

	@GetMapping("/api/v1/admin/reindex")
	@Operation(summary = "Progress of the last reindex started by this instance")
	ReindexStatus reindexStatus() {
		return this.reindexer.status();
	}

	@GetMapping("/api/v1/admin/dead-letters")
	@Operation(summary = "List dead letters", description = "Records that could never be indexed, with the cause.")
	DeadLetterReader.DeadLetterPage deadLetters(@RequestParam(defaultValue = "0") String from,
			@RequestParam(defaultValue = "100") String limit) {
		return this.deadLetters.list(InvalidParameter.wholeNumber("from", from, 0, Long.MAX_VALUE),
				(int) InvalidParameter.wholeNumber("limit", limit, 1, 1000));
	}

	@PostMapping("/api/v1/admin/dead-letters/replay")
	@Operation(summary = "Run dead letters through the indexer again, after a fix",
			description = "From offset 'from' on; idempotent. Letters that still fail are listed, not dead-lettered "
					+ "again.")
	DeadLetterReader.ReplayReport replay(@RequestParam(defaultValue = "0") String from) {
		return this.deadLetters.replay(InvalidParameter.wholeNumber("from", from, 0, Long.MAX_VALUE));
	}

}
