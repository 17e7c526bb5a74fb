package io.portevoix.tenancy.application.port;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountMembership;
import io.portevoix.tenancy.AccountUser;
import io.portevoix.tenancy.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users (global logins) and their memberships in accounts. */
public interface Users {

    /** A user as the login needs it. */
    record StoredUser(UserId id, String email, String displayName, String passwordHash, boolean platformAdmin,
            String locale) {
    }

    /** Finds a user by login e-mail, case-insensitively, before anyone is authenticated. */
    Optional<StoredUser> findForLogin(String email);

    Optional<StoredUser> find(UserId id);

    void insert(StoredUser user);

    void updatePassword(UserId user, String passwordHash);

    void recordLogin(UserId user, Instant at);

    /** Makes the user with this login a platform administrator (provisioning and demo data only). */
    void makePlatformAdministrator(String email);

    List<AccountUser> members(AccountId account);

    List<AccountUser> askedFor(AccountId account, io.portevoix.tenancy.StaffMail mail);

    java.util.Set<io.portevoix.tenancy.StaffMail> staffMail(AccountId account, UserId user);

    void changeStaffMail(AccountId account, UserId user, java.util.Set<io.portevoix.tenancy.StaffMail> wanted);

    List<AccountMembership> memberships(UserId user);

    void addMembership(AccountId account, UserId user, boolean administrator, AccessLevels levels);

    boolean updateMembership(AccountId account, UserId user, boolean administrator, AccessLevels levels);

    boolean removeMembership(AccountId account, UserId user);

    int administratorCount(AccountId account);
}
