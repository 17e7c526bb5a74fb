package io.portevoix.delivery.application.port;

import java.util.List;

/**
 * Reads DNS: the TXT records of a name. DNS is outside infrastructure: the adapter asks the
 * system's resolvers with a short timeout; tests give an in-memory map.
 */
public interface DnsRecords {

    /**
     * The TXT values at {@code name}, each with its strings joined; empty when the name has none
     * or does not exist. Throws {@link DnsUnreachable} when no DNS server answered.
     */
    List<String> txt(String name);

    /** No DNS server answered in time: nothing can be said about the record. */
    final class DnsUnreachable extends RuntimeException {

        public DnsUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
