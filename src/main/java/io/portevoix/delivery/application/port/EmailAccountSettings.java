package io.portevoix.delivery.application.port;

import io.portevoix.shared.AccountId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Each account's e-mail options, when it chose any. */
public interface EmailAccountSettings {

    /** Its SMTP servers (empty: all enabled) and sending limits (null: none). */
    record Options(List<UUID> servers, @Nullable Integer perSecond, @Nullable Integer perMinute, @Nullable Integer perHour) {

        public static final Options NONE = new Options(List.of(), null, null, null);

        public Options {
            servers = List.copyOf(servers);
        }
    }

    Optional<Options> find(AccountId account);

    void save(AccountId account, Options options);
}
