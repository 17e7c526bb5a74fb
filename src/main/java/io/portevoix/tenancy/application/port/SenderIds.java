package io.portevoix.tenancy.application.port;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.SenderIdDetails;
import io.portevoix.tenancy.SenderIdId;
import io.portevoix.tenancy.SenderIdStatus;
import io.portevoix.tenancy.domain.SenderId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Alphanumeric sender IDs of the accounts. */
public interface SenderIds {

    /** Stores a new request; false (nothing stored) when the account already has this value live, ignoring case. */
    boolean insert(SenderId senderId);

    /** Stores a decision or a withdrawal, provided the stored status is still {@code expected}. */
    boolean update(SenderId senderId, SenderIdStatus expected);

    /** A sender ID visible to the current session: the account's own, or any for a platform administrator. */
    Optional<SenderId> find(SenderIdId id);

    List<SenderIdDetails> list(AccountId account);

    List<String> approvedValues(AccountId account);

    /** Every account's sender IDs with this status (all when {@code null}), with the account's name. */
    List<SenderIdDetails> all(@Nullable SenderIdStatus status);
}
