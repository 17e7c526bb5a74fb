package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Manages the users of the current account (account administrators) and the acting user's own profile. */
@PrimaryPort
public interface UserCommands {

    UserId add(AddUser command);

    void changeAccess(UserId user, boolean administrator, AccessLevels levels);

    void remove(UserId user);

    /** Switches the acting user to another of their accounts, with that account's levels. */
    void switchAccount(AccountId account);

    void changeOwnPassword(String currentPassword, String newPassword);

    /** The mail the acting user wants in the current account (empty: none). */
    void changeMyStaffMail(java.util.Set<StaffMail> wanted);
}
