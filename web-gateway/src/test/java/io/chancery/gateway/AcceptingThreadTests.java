package io.chancery.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway asks Reactor Netty for one thread that only accepts connections, unless the
 * command line chose a number.
 */
class AcceptingThreadTests {

	private String before;

	@BeforeEach
	void remember() {
		this.before = System.getProperty(GatewayApplication.ACCEPTING_THREADS);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(GatewayApplication.ACCEPTING_THREADS);
		}
		else {
			System.setProperty(GatewayApplication.ACCEPTING_THREADS, this.before);
		}
	}

	@Test
	void oneThreadAcceptsWhenNothingWasSaid() {
		System.clearProperty(GatewayApplication.ACCEPTING_THREADS);
		GatewayApplication.acceptOnAThreadOfItsOwn();
		assertThat(System.getProperty(GatewayApplication.ACCEPTING_THREADS)).isEqualTo("1");
	}

	@Test
	void theCommandLineWins() {
		System.setProperty(GatewayApplication.ACCEPTING_THREADS, "2");
		GatewayApplication.acceptOnAThreadOfItsOwn();
		assertThat(System.getProperty(GatewayApplication.ACCEPTING_THREADS)).isEqualTo("2");
	}

}
