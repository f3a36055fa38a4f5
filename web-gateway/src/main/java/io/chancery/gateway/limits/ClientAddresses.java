package io.chancery.gateway.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Who a request came from, for limits: the address that connected, unless that is a
 * trusted proxy (the ingress), in which case the last address in {@code X-Forwarded-For}
 * that no trusted proxy wrote. Addresses a client puts in the header itself stand left of
 * what the proxies append, so they are never believed: a client cannot choose its bucket.
 */
final class ClientAddresses {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<Range> trusted;

	/**
	 * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}) of the proxies
	 * in front of the gateway; empty when clients connect directly
	 */
	ClientAddresses(List<String> trustedProxies) {
		this.trusted = trustedProxies.stream()
			.map(String::strip)
			.filter((range) -> !range.isEmpty())
			.map(Range::parse)
			.toList();
	}

	String of(@Nullable InetSocketAddress peer, List<String> forwardedFor) {
		if (peer == null || peer.getAddress() == null) {
			return "unknown";
		}
		InetAddress address = peer.getAddress();
		if (!isTrusted(address)) {
			return address.getHostAddress();
		}
		List<String> hops = new ArrayList<>();
		for (String header : forwardedFor) {
			for (String hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress hop = literal(withoutPort(hops.get(i)));
			if (hop == null) {
				// A trusted proxy writes addresses; anything else was sent by the client.
				return peer.getAddress().getHostAddress();
			}
			address = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return address.getHostAddress();
	}

	private boolean isTrusted(InetAddress address) {
		for (Range range : this.trusted) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The IP literal a hop names, or null; checked by its form first, so that a name a
	 * client wrote is never looked up in DNS.
	 */
	static @Nullable InetAddress literal(String hop) {
		boolean v4 = IPV4.matcher(hop).matches();
		boolean v6 = hop.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(hop).matches();
		if (!v4 && !v6) {
			return null;
		}
		try {
			return InetAddress.getByName(hop);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * {@code 203.0.113.7:4711} and {@code [2001:db8::1]:4711} as proxies may write them.
	 */
	private static String withoutPort(String hop) {
		if (hop.startsWith("[")) {
			int end = hop.indexOf(']');
			return (end > 0) ? hop.substring(1, end) : hop;
		}
		int colon = hop.indexOf(':');
		return (colon > 0 && colon == hop.lastIndexOf(':')) ? hop.substring(0, colon) : hop;
	}

	/**
	 * An address range in CIDR notation, or one address.
	 *
	 * @param network the range's first address
	 * @param prefix how many leading bits an address in it shares with that one
	 */
	record Range(byte[] network, int prefix) {

		static Range parse(String range) {
			String[] parts = range.split("/", 2);
			InetAddress network = literal(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException("'" + range + "' is not an address or CIDR range");
			}
			int bits = network.getAddress().length * 8;
			int prefix;
			try {
				prefix = (parts.length == 2) ? Integer.parseInt(parts[1]) : bits;
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("'" + range + "' needs a prefix from 0 to " + bits + " bits");
			}
			return new Range(network.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
