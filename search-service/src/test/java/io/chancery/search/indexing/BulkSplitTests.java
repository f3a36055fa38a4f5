package io.chancery.search.indexing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkSplitTests {

	@Test
	void batchesStayWithinTheBudgetAndKeepTheirOrder() {
		List<List<Long>> batches = ContentIndexer.split(List.of(40L, 50L, 20L, 90L, 10L), (size) -> size, 100);
		assertThat(batches).containsExactly(List.of(40L, 50L), List.of(20L), List.of(90L, 10L));
	}

	@Test
	void aDocumentOverTheBudgetGoesAlone() {
		assertThat(ContentIndexer.split(List.of(10L, 300L, 10L), (size) -> size, 100)).containsExactly(List.of(10L),
				List.of(300L), List.of(10L));
		assertThat(ContentIndexer.split(List.<Long>of(), (size) -> size, 100)).isEmpty();
	}

}
