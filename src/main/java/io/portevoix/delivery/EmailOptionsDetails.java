package io.portevoix.delivery;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account's e-mail options: its chosen servers (empty: all enabled), the enabled servers it may
 * choose from (id and name), and its sending limits (null: none).
 */
public record EmailOptionsDetails(List<UUID> servers, List<ServerChoice> choices, @Nullable Integer perSecond,
        @Nullable Integer perMinute, @Nullable Integer perHour) {

    public EmailOptionsDetails {
        servers = List.copyOf(servers);
        choices = List.copyOf(choices);
    }

    /** An enabled server an account or campaign may choose. */
    public record ServerChoice(UUID id, String name) {
    }
}
