package io.portevoix.tenancy.application;

import io.portevoix.tenancy.Roles;
import io.portevoix.tenancy.AccountMembership;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.application.port.LoginAttempts;
import io.portevoix.tenancy.application.port.Users;
import io.portevoix.tenancy.domain.ApiKeySecret;
import io.portevoix.tenancy.domain.LoginThrottle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Logs users in with e-mail and password, refusing a login for 15 minutes after 5 failures
 * ({@link LoginThrottle}). The authenticated principal is a {@link UserActor} in the user's first
 * account (or none for a platform administrator without accounts).
 */
@Component
class LoginService implements AuthenticationProvider {

    /** A hash to compare against when the login is unknown, so both cases take the same time. */
    private final String unknownUserHash;
    private final Users users;
    private final LoginAttempts attempts;
    private final PasswordEncoder passwords;
    private final AuditService audit;
    private final Clock clock;

    LoginService(Users users, LoginAttempts attempts, PasswordEncoder passwords, AuditService audit, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.unknownUserHash = passwords.encode("no such user, no such password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        String password = String.valueOf(authentication.getCredentials());
        String loginHash = ApiKeySecret.hash("login:" + login);
        Instant now = clock.instant();
        Optional<Instant> locked = LoginThrottle.lockedUntil(
                attempts.failuresSince(loginHash, now.minus(LoginThrottle.WINDOW)), now);
        if (locked.isPresent()) {
            throw new LockedException("Too many failed attempts: try again after " + locked.get());
        }
        Optional<Users.StoredUser> user = login.isEmpty() ? Optional.empty() : users.findForLogin(login);
        boolean matches = passwords.matches(password, user.map(Users.StoredUser::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !matches) {
            attempts.record(loginHash, now, false);
            throw new BadCredentialsException("Wrong e-mail or password");
        }
        attempts.record(loginHash, now, true);
        Users.StoredUser found = user.get();
        users.recordLogin(found.id(), now);
        List<AccountMembership> memberships = users.memberships(found.id());
        UserActor actor = new UserActor(found.id(), found.email(), found.displayName(), found.platformAdmin(),
                found.locale(), memberships, memberships.isEmpty() ? null : memberships.getFirst().accountId());
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(actor, null, Roles.of(actor));
        actor.accountId().ifPresent(account -> TenantContext.runAs(account,
                () -> audit.recordFor(account, actor, "user.login", found.email(), "")));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
