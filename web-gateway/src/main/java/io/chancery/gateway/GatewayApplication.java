package io.chancery.gateway;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The one front door: routes the public API to the services, authenticates editors and
 * admins, limits rates, composes the home page and serves the reference website.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	/**
	 * Reactor Netty's switch for the threads that accept connections; read once, when its
	 * loops are first made.
	 */
	static final String ACCEPTING_THREADS = "reactor.netty.ioSelectCount";

	public static void main(String[] args) {
		acceptOnAThreadOfItsOwn();
		SpringApplication.run(GatewayApplication.class, args);
	}

	/**
	 * By default Reactor Netty accepts connections on one of the event loops that also
	 * read and answer requests, and takes at most 16 from the listening socket each time
	 * that loop comes round. When the loops are busy, new connections wait in the
	 * kernel's queue, unanswered, and a client cannot even be told to come back later. A
	 * thread that does nothing but accept keeps that queue short and costs nothing while
	 * idle; the connections it accepts are still read and answered on the event loops,
	 * shared with the client side. Set before anything creates Reactor Netty's loops; a
	 * value given on the command line wins.
	 */
	static void acceptOnAThreadOfItsOwn() {
		if (System.getProperty(ACCEPTING_THREADS) == null) {
			System.setProperty(ACCEPTING_THREADS, "1");
		}
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
