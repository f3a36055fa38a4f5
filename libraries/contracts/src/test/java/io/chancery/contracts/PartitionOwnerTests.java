package io.chancery.contracts;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner hint reads back what it writes, and anything else is no hint: the gateway
 * sends writes where it says, so a malformed value must never become an address.
 */
class PartitionOwnerTests {

	@Test
	void readsBackWhatItWrites() {
		PartitionOwner owner = new PartitionOwner("articles", 2, 3, URI.create("http://10.0.0.7:8081"));
		assertThat(owner.header()).isEqualTo("articles 2/3 http://10.0.0.7:8081");
		assertThat(PartitionOwner.parse(owner.header())).contains(owner);
	}

	@Test
	void anythingElseIsNoHint() {
		assertThat(PartitionOwner.parse("")).isEmpty();
		assertThat(PartitionOwner.parse("articles 2/3")).isEmpty();
		assertThat(PartitionOwner.parse("articles 3/3 http://10.0.0.7:8081")).isEmpty();
		assertThat(PartitionOwner.parse("articles -1/3 http://10.0.0.7:8081")).isEmpty();
		assertThat(PartitionOwner.parse("articles two/3 http://10.0.0.7:8081")).isEmpty();
		assertThat(PartitionOwner.parse("articles 2/3 file:///etc/passwd")).isEmpty();
		assertThat(PartitionOwner.parse("articles 2/3 not a url")).isEmpty();
		assertThat(PartitionOwner.parse("articles /3 http://10.0.0.7:8081")).isEmpty();
	}

}
