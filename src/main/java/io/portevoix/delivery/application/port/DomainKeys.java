package io.portevoix.delivery.application.port;

import io.portevoix.delivery.domain.SendingDomain;
import io.portevoix.shared.AccountId;
import java.util.List;
import java.util.Optional;

/** The sending domains of each account, with their sealed DKIM keys and last DNS verification. */
public interface DomainKeys {

    /** The account's domains in alphabetical order. */
    List<SendingDomain> all(AccountId account);

    Optional<SendingDomain> find(AccountId account, String domain);

    /** Inserts the domain, or replaces the one of that name. */
    void save(AccountId account, SendingDomain domain);

    /** Whether there was such a domain. */
    boolean delete(AccountId account, String domain);
}
