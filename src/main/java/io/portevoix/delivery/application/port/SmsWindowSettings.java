package io.portevoix.delivery.application.port;

import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.AccountId;
import java.util.Optional;

/** The sending window each account narrowed for its marketing SMS (none: the default applies). */
public interface SmsWindowSettings {

    Optional<SendingWindow> find(AccountId account);

    void save(AccountId account, SendingWindow window);
}
