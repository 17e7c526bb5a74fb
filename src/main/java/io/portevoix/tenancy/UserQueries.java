package io.portevoix.tenancy;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads the users of the current account and the acting user's own accounts. */
@PrimaryPort
public interface UserQueries {

    List<AccountUser> users();

    /** The accounts the acting user belongs to. */
    List<AccountMembership> myAccounts();
}
