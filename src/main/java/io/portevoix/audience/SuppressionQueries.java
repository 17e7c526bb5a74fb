package io.portevoix.audience;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads the current account's suppression list. */
@PrimaryPort
public interface SuppressionQueries {

    List<SuppressionEntry> list();

    /** Whether an e-mail address (any case) or phone number (any usual form) must not be contacted. */
    boolean isSuppressed(String address);
}
