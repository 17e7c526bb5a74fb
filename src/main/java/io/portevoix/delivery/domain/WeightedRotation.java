package io.portevoix.delivery.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Smooth weighted round-robin (as nginx spreads requests): each pick adds every candidate's weight
 * to its running score, takes the highest and lowers it by the candidates' total. Servers of weights
 * 3 and 1 are picked a, a, b, a, a, a, b, a, …: exactly in proportion over each cycle, and never in
 * long runs of one. A pick may be restricted to some of the servers (those up and not yet tried),
 * and the others keep their score. Thread-safe.
 */
public final class WeightedRotation {

    /** A server and its weight (at least 1). */
    public record Weighted(String id, int weight) {

        public Weighted {
            if (weight < 1) {
                throw new IllegalArgumentException("A weight is at least 1: " + weight);
            }
        }
    }

    private final List<Weighted> servers;
    private final long[] scores;

    public WeightedRotation(List<Weighted> servers) {
        this.servers = List.copyOf(servers);
        this.scores = new long[this.servers.size()];
    }

    public List<Weighted> servers() {
        return servers;
    }

    /** The next server among those {@code eligible} accepts; empty when it accepts none. */
    public synchronized Optional<String> next(Predicate<String> eligible) {
        int best = -1;
        long total = 0;
        for (int i = 0; i < servers.size(); i++) {
            Weighted server = servers.get(i);
            if (!eligible.test(server.id())) {
                continue;
            }
            scores[i] += server.weight();
            total += server.weight();
            if (best < 0 || scores[i] > scores[best]) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        scores[best] -= total;
        return Optional.of(servers.get(best).id());
    }
}
