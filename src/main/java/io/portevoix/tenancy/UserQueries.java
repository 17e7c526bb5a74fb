package io.portevoix.tenancy;

import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads the users of the current account and the acting user's own accounts. */
@PrimaryPort
public interface UserQueries {

    List<AccountUser> users();

    /** The users of the current account who asked for this mail (account administrators, or the application). */
    List<AccountUser> askedFor(StaffMail mail);

    /** The mail the acting user asked for in the current account. */
    java.util.Set<StaffMail> myStaffMail();

    /** The accounts the acting user belongs to. */
    List<AccountMembership> myAccounts();
}
