package io.portevoix.tenancy.application;

import io.portevoix.tenancy.Roles;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountMembership;
import io.portevoix.tenancy.AccountUser;
import io.portevoix.tenancy.AddUser;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UserCommands;
import io.portevoix.tenancy.UserId;
import io.portevoix.tenancy.UserQueries;
import io.portevoix.tenancy.UserAddedToAccount;
import io.portevoix.tenancy.application.port.Accounts;
import io.portevoix.tenancy.application.port.Users;
import io.portevoix.tenancy.domain.Passwords;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserService implements UserCommands, UserQueries {

    private final Users users;
    private final Accounts accounts;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    UserService(Users users, Accounts accounts, AuditLog audit, PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.passwords = passwords;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public List<AccountUser> users() {
        return users.members(TenantContext.requireAccount());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public List<AccountUser> askedFor(io.portevoix.tenancy.StaffMail mail) {
        return users.askedFor(TenantContext.requireAccount(), mail);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<io.portevoix.tenancy.StaffMail> myStaffMail() {
        return currentUser().flatMap(u -> TenantContext.currentAccount().map(a -> users.staffMail(a, u.id())))
                .orElse(java.util.Set.of());
    }

    @Override
    @Transactional
    public void changeMyStaffMail(java.util.Set<io.portevoix.tenancy.StaffMail> wanted) {
        UserActor actor = currentUser().orElseThrow(() -> new AccessDeniedException("Only users receive staff mail"));
        AccountId account = TenantContext.requireAccount();
        users.changeStaffMail(account, actor.id(), wanted);
        audit.record("user.staff-mail", actor.email(), wanted.toString());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountMembership> myAccounts() {
        return currentUser().map(u -> users.memberships(u.id())).orElse(List.of());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public UserId add(AddUser command) {
        return addToCurrentAccount(command.email(), command.displayName(), command.initialPassword(),
                command.administrator(), command.levels());
    }

    /** Adds a user (created when new) to the current account. Runs inside the caller's transaction. */
    UserId addToCurrentAccount(EmailAddress email, String displayName, @Nullable String initialPassword,
            boolean administrator, AccessLevels levels) {
        AccountId account = TenantContext.requireAccount();
        java.util.Optional<Users.StoredUser> existing = users.findForLogin(email.value());
        UserId id = existing.map(Users.StoredUser::id).orElseGet(() -> {
            if (initialPassword == null || initialPassword.isEmpty()) {
                throw new IllegalArgumentException("A new user needs an initial password");
            }
            Passwords.requireAcceptable(initialPassword);
            UserId created = UserId.random();
            users.insert(new Users.StoredUser(created, email.value(), displayName.isEmpty() ? email.value() : displayName,
                    passwords.encode(initialPassword), false, "fr"));
            return created;
        });
        if (users.members(account).stream().anyMatch(u -> u.id().equals(id))) {
            throw new IllegalArgumentException(email.value() + " is already a user of this account");
        }
        users.addMembership(account, id, administrator, levels);
        audit.record("user.add", email.value(), describe(administrator, levels));
        String accountName = accounts.find(account).map(a -> a.settings().name()).orElse("");
        events.publishEvent(new UserAddedToAccount(account, accountName, id, email.value(),
                existing.map(Users.StoredUser::displayName).orElse(displayName), existing.isEmpty(),
                existing.map(Users.StoredUser::locale).orElse("fr")));
        return id;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public void changeAccess(UserId user, boolean administrator, AccessLevels levels) {
        AccountId account = TenantContext.requireAccount();
        AccountUser member = member(account, user);
        if (member.administrator() && !administrator && users.administratorCount(account) <= 1) {
            throw new IllegalArgumentException("An account keeps at least one administrator");
        }
        users.updateMembership(account, user, administrator, levels);
        audit.record("user.role-change", member.email(), describe(administrator, levels));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('ACCOUNT_ADMIN')")
    public void remove(UserId user) {
        AccountId account = TenantContext.requireAccount();
        AccountUser member = member(account, user);
        if (member.administrator() && users.administratorCount(account) <= 1) {
            throw new IllegalArgumentException("An account keeps at least one administrator");
        }
        users.removeMembership(account, user);
        audit.record("user.remove", member.email(), "");
    }

    @Override
    @Transactional(readOnly = true)
    public void switchAccount(AccountId account) {
        UserActor actor = currentUser().orElseThrow(() -> new AccessDeniedException("Only users switch accounts"));
        List<AccountMembership> memberships = users.memberships(actor.id());
        if (memberships.stream().noneMatch(m -> m.accountId().equals(account))) {
            throw new AccessDeniedException("Not a member of that account");
        }
        UserActor switched = actor.inAccount(account, memberships);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(switched, null, Roles.of(switched)));
    }

    @Override
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserActor actor = currentUser().orElseThrow(() -> new AccessDeniedException("Only users have passwords"));
        Users.StoredUser stored = users.find(actor.id()).orElseThrow();
        if (!passwords.matches(currentPassword, stored.passwordHash())) {
            throw new IllegalArgumentException("The current password is wrong");
        }
        Passwords.requireAcceptable(newPassword);
        users.updatePassword(actor.id(), passwords.encode(newPassword));
        if (actor.currentAccount() != null) {
            audit.record("user.password-change", actor.email(), "");
        }
    }

    private AccountUser member(AccountId account, UserId user) {
        return users.members(account).stream().filter(u -> u.id().equals(user)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No such user in this account"));
    }

    private static java.util.Optional<UserActor> currentUser() {
        return TenantContext.currentActor().filter(UserActor.class::isInstance).map(UserActor.class::cast);
    }

    private static String describe(boolean administrator, AccessLevels levels) {
        return (administrator ? "administrator; " : "") + levels.levels();
    }
}
