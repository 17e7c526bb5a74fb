package io.portevoix.tracking.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Which hits are machines, by explicit rules shipped as data ({@code tracking/machine-user-agents.txt}):
 * a HEAD request, no user agent, a user agent containing a listed fragment (link scanners, security
 * gateways, crawlers), and Apple Mail Privacy Protection opens (its proxy announces itself as a bare
 * {@code Mozilla/5.0}). An ordinary browser is never flagged, however soon it comes.
 */
final class MachineRules {

    static final MachineRules DEFAULT = load();

    private final List<String> fragments;

    MachineRules(List<String> fragments) {
        this.fragments = fragments.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
    }

    private static MachineRules load() {
        try (InputStream in = MachineRules.class.getResourceAsStream("/tracking/machine-user-agents.txt")) {
            if (in == null) {
                throw new IllegalStateException("tracking/machine-user-agents.txt is missing");
            }
            return new MachineRules(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean machine(String method, String userAgent, boolean open) {
        if ("HEAD".equalsIgnoreCase(method) || userAgent.isBlank()) {
            return true;
        }
        if (open && userAgent.strip().equals("Mozilla/5.0")) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return fragments.stream().anyMatch(ua::contains);
    }
}
