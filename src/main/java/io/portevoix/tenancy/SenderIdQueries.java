package io.portevoix.tenancy;

import java.math.BigDecimal;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.Nullable;

/**
 * Reads alphanumeric SMS sender IDs: the current account's (SETTINGS at GUEST), whether one may
 * be used to send (any caller working for the account, background sends included), and the
 * requests of every account (platform administrators).
 */
@PrimaryPort
public interface SenderIdQueries {

    /** The current account's sender IDs, newest first, whatever their status. */
    List<SenderIdDetails> list();

    /** The current account's approved sender IDs, as spelt when requested. */
    List<String> approved();

    /** Whether the current account may send with this exact sender ID. */
    boolean isApproved(String value);

    /** The one-off fee in euros a new request costs now; it is not paid in credits. */
    BigDecimal fee();

    /** The requests waiting for a decision, of every account, oldest first (platform administrators). */
    List<SenderIdDetails> pending();

    /** The sender IDs of every account with this status, or all when {@code null} (platform administrators). */
    List<SenderIdDetails> all(@Nullable SenderIdStatus status);
}
