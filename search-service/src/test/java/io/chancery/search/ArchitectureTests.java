package io.chancery.search;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages form no cycles and use each other only through what they expose. */
class ArchitectureTests {

	@Test
	void featurePackagesRespectTheirBoundaries() {
		ApplicationModules.of(SearchApplication.class).verify();
	}

}
