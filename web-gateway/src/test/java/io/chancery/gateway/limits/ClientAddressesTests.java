package io.chancery.gateway.limits;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressesTests {

	private final ClientAddresses behindIngress = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8"));

	@Test
	void aDirectClientIsItsPeerWhateverItWrites() {
		ClientAddresses direct = new ClientAddresses(List.of());
		assertThat(direct.of(peer("203.0.113.7"), List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
		assertThat(this.behindIngress.of(peer("203.0.113.7"), List.of("10.1.1.1, 198.51.100.1")))
			.isEqualTo("203.0.113.7");
	}

	@Test
	void behindTrustedProxiesTheClientIsTheLastAddressNoProxyWrote() {
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
		// The client wrote 198.51.100.1 itself; the ingress appended what it saw.
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of("198.51.100.1, 203.0.113.7")))
			.isEqualTo("203.0.113.7");
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of("198.51.100.1", "203.0.113.7, 10.2.0.9")))
			.isEqualTo("203.0.113.7");
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of("[2001:db8::1]:4711")))
			.isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of("203.0.113.7:4711"))).isEqualTo("203.0.113.7");
	}

	@Test
	void whatIsNotAnAddressIsNeverBelievedNorLookedUp() {
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of("localhost"))).isEqualTo("10.0.0.5");
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of("203.0.113.7, deadbeef"))).isEqualTo("10.0.0.5");
		assertThat(this.behindIngress.of(peer("10.0.0.5"), List.of())).isEqualTo("10.0.0.5");
		assertThat(this.behindIngress.of(null, List.of("203.0.113.7"))).isEqualTo("unknown");
	}

	@Test
	void rangesMatchByTheirPrefix() {
		assertThat(ClientAddresses.Range.parse("10.0.0.0/8").contains(address("10.255.1.2"))).isTrue();
		assertThat(ClientAddresses.Range.parse("10.0.0.0/8").contains(address("11.0.0.1"))).isFalse();
		assertThat(ClientAddresses.Range.parse("172.16.0.0/12").contains(address("172.31.255.255"))).isTrue();
		assertThat(ClientAddresses.Range.parse("172.16.0.0/12").contains(address("172.32.0.0"))).isFalse();
		assertThat(ClientAddresses.Range.parse("fd00::/8").contains(address("fd12::1"))).isTrue();
		assertThat(ClientAddresses.Range.parse("fd00::/8").contains(address("10.0.0.1"))).isFalse();
		assertThat(ClientAddresses.Range.parse("192.0.2.1").contains(address("192.0.2.1"))).isTrue();
		assertThat(ClientAddresses.Range.parse("192.0.2.1").contains(address("192.0.2.2"))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddresses.Range.parse("proxy.example.org"));
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAddresses.Range.parse("10.0.0.0/33"));
	}

	private static java.net.InetAddress address(String literal) {
		return java.util.Objects.requireNonNull(ClientAddresses.literal(literal));
	}

	private static InetSocketAddress peer(String address) {
		return new InetSocketAddress(address, 40000);
	}

}
