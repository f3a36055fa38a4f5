package io.chancery.ingest.publishing;

import java.time.Instant;

import io.chancery.contracts.MajorChange;
import io.chancery.contracts.MessageJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemFactsTests {

	@Test
	void aMessageRestoredFromABackupTellsWhatTheBuiltOneWould() {
		var restored = MessageJson.mapper().readTree("""
				{"id":"a1","locale":"en","revision":4,"status":"draft",
				 "majorChange":{"at":"2026-12-01T08:00:00Z","note":"Corrected the date"}}""");

		assertThat(ItemFacts.of(restored)).isEqualTo(
				new ItemFacts(new MajorChange(Instant.parse("2026-12-01T08:00:00Z"), "Corrected the date"), true));
		assertThat(ItemFacts.of(MessageJson.mapper().readTree("""
				{"locale":"en","name":"Embassy"}"""))).as("site details").isEqualTo(ItemFacts.NONE);
		assertThat(ItemFacts.of(MessageJson.mapper().readTree("""
				{"id":"a1","locale":"en","revision":5,"withdrawnAt":"2026-12-01T08:00:00Z"}"""))).as("a withdrawal")
			.isEqualTo(ItemFacts.NONE);
	}

}
