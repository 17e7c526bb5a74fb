package io.portevoix.tracking.application;

import io.portevoix.tracking.Hit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which hits are machines, by explicit rules shipped as data:
 * <ul>
 * <li>a HEAD request, or no user agent;</li>
 * <li>a user agent containing a fragment of {@code tracking/machine-user-agents.txt} (link scanners,
 * security gateways, crawlers);</li>
 * <li>an open by Apple Mail Privacy Protection: its proxy announces itself as a bare
 * {@code Mozilla/5.0}, or the pixel is fetched from an address of Apple's published ranges
 * ({@code tracking/apple-privacy-ranges.txt}). Only opens: a click from those ranges is a person
 * browsing through iCloud Private Relay;</li>
 * <li>a message whose every link (two at least) is hit within {@value #BURST_MILLIS} ms: a scanner
 * following the whole message. Those clicks are flagged afterwards, when they are written
 * ({@link io.portevoix.tracking.application.port.Events#flagBursts}), since they may arrive in
 * different batches.</li>
 * </ul>
 * An ordinary browser is never flagged, however soon after the send it comes.
 */
final class MachineRules {

    static final MachineRules DEFAULT = new MachineRules(lines("/tracking/machine-user-agents.txt"),
            new AddressRanges(lines("/tracking/apple-privacy-ranges.txt").stream().map(MachineRules::firstField).toList()));

    /** Every link of one message hit within this window is a scanner. */
    static final long BURST_MILLIS = 1_000;
    static final Duration BURST = Duration.ofMillis(BURST_MILLIS);
    /** A message needs at least this many distinct links for the burst rule (one click is never a burst). */
    static final int BURST_LINKS = 2;

    private final List<String> fragments;
    private final AddressRanges appleRanges;

    MachineRules(List<String> fragments, AddressRanges appleRanges) {
        this.fragments = fragments.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        this.appleRanges = appleRanges;
    }

    /** The lines of a resource file without blank lines and {@code #} comments. */
    static List<String> lines(String resource) {
        try (InputStream in = MachineRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network of a line of Apple's CSV ({@code 17.0.0.0/8,US,US-CA,Cupertino,}) or a bare CIDR. */
    private static String firstField(String line) {
        int comma = line.indexOf(',');
        return (comma < 0 ? line : line.substring(0, comma)).strip();
    }

    boolean machine(Hit hit, boolean open) {
        if ("HEAD".equalsIgnoreCase(hit.method()) || hit.userAgent().isBlank()) {
            return true;
        }
        if (open && (hit.userAgent().strip().equals("Mozilla/5.0") || appleRanges.contains(hit.address()))) {
            return true;
        }
        String ua = hit.userAgent().toLowerCase(Locale.ROOT);
        return fragments.stream().anyMatch(ua::contains);
    }
}
