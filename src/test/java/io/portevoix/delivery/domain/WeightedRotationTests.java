package io.portevoix.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedRotationTests {

    private final WeightedRotation rotation = new WeightedRotation(List.of(new WeightedRotation.Weighted("a", 3),
            new WeightedRotation.Weighted("b", 1)));

    @Test
    void weightsOfThreeAndOneArePickedInProportionWithoutLongRuns() {
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            picks.add(rotation.next(id -> true).orElseThrow());
        }
        assertThat(picks).containsExactly("a", "a", "b", "a", "a", "a", "b", "a");
    }

    @Test
    void aServerLeftOutIsSkippedAndTheOthersTakeItsShare() {
        for (int i = 0; i < 10; i++) {
            assertThat(rotation.next(id -> !id.equals("a"))).contains("b");
        }
        assertThat(rotation.next(id -> false)).isEmpty();
    }

    @Test
    void aFailedServerIsDownForABackOffThatDoublesAndOneSuccessPutsItBack() {
        ServerHealth health = new ServerHealth(Duration.ofSeconds(30), Duration.ofMinutes(2));
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(health.up("a", now)).isTrue();
        assertThat(health.failed("a", now)).isEqualTo(now.plusSeconds(30));
        assertThat(health.up("a", now.plusSeconds(29))).isFalse();
        assertThat(health.up("a", now.plusSeconds(30))).isTrue();
        assertThat(health.failed("a", now)).isEqualTo(now.plusSeconds(60));
        assertThat(health.failed("a", now)).isEqualTo(now.plusSeconds(120));
        assertThat(health.failed("a", now)).as("capped").isEqualTo(now.plusSeconds(120));
        health.succeeded("a");
        assertThat(health.up("a", now)).isTrue();
        assertThat(health.failed("a", now)).isEqualTo(now.plusSeconds(30));
    }
}
