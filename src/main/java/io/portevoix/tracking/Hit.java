package io.portevoix.tracking;

/**
 * One request on a tracking link, as the machine rules judge it: the HTTP method, the user agent
 * (empty when absent) and the client's IP address (as the server sees it, forwarded headers of a
 * trusted proxy applied; empty when unknown).
 */
public record Hit(String method, String userAgent, String address) {

    public Hit {
        userAgent = userAgent == null ? "" : userAgent;
        address = address == null ? "" : address;
    }
}
