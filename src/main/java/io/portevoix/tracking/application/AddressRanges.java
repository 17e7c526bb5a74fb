package io.portevoix.tracking.application;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of IPv4 and IPv6 networks (CIDR), parsed once, that answers whether an address belongs to
 * one of them in a few hash look-ups (one per distinct prefix length), however many networks
 * there are: Apple's published list holds tens of thousands.
 */
final class AddressRanges {

    /** An address as a 128-bit number, the address in the high bits (IPv4 uses the first 32). */
    private record Bits(long high, long low) {

        static Bits of(byte[] address) {
            long high = 0;
            long low = 0;
            for (int i = 0; i < address.length; i++) {
                long b = address[i] & 0xffL;
                if (i < 8) {
                    high |= b << (56 - 8 * i);
                } else {
                    low |= b << (56 - 8 * (i - 8));
                }
            }
            return new Bits(high, low);
        }

        Bits masked(int prefix) {
            long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
            long lowMask = prefix <= 64 ? 0 : prefix >= 128 ? -1L : -1L << (128 - prefix);
            return new Bits(high & highMask, low & lowMask);
        }
    }

    /** Per address length (4 or 16 bytes): prefix length → masked networks. */
    private final Map<Integer, Map<Integer, Set<Bits>>> networks = new HashMap<>();

    /** Parses {@code a.b.c.d/n} and {@code x:y::/n} (a bare address is a /32 or /128); a malformed entry is an error. */
    AddressRanges(List<String> cidrs) {
        for (String cidr : cidrs) {
            int slash = cidr.indexOf('/');
            byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an IP network: " + cidr);
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1).strip());
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("Not an IP network: " + cidr);
            }
            networks.computeIfAbsent(address.length, k -> new HashMap<>()).computeIfAbsent(prefix, k -> new HashSet<>())
                    .add(Bits.of(address).masked(prefix));
        }
    }

    /** Whether {@code address} (an IP literal; anything else is in no range) is in one of the networks. */
    boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        Map<Integer, Set<Bits>> byPrefix = networks.get(bytes.length);
        if (byPrefix == null) {
            return false;
        }
        Bits bits = Bits.of(bytes);
        for (Map.Entry<Integer, Set<Bits>> entry : byPrefix.entrySet()) {
            if (entry.getValue().contains(bits.masked(entry.getKey()))) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return networks.values().stream().flatMap(m -> m.values().stream()).mapToInt(Set::size).sum();
    }

    /** The bytes of an IP literal (never a name look-up); an IPv4-mapped IPv6 address gives its IPv4 bytes. */
    private static byte @org.jspecify.annotations.Nullable [] literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(s).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
