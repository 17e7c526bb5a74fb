package io.portevoix.delivery.application.port;

import io.portevoix.shared.AccountId;
import java.util.Optional;

/** Each account's SMS options, when it chose any. */
public interface SmsAccountSettings {

    /** The most parts a message may have, and the gateway's name (empty: the installation's default). */
    record Options(int maxParts, String gateway) {
    }

    Optional<Options> find(AccountId account);

    void save(AccountId account, Options options);
}
