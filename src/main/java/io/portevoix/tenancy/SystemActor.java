package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The application itself, for start-up work nobody requested: first-run provisioning and demo data.
 */
public record SystemActor(String name) implements Actor {

    public static <T> T call(String name, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        SystemActor actor = new SystemActor(name);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, Roles.of(actor)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Override
    public Optional<AccountId> accountId() {
        return Optional.empty();
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Optional<UserId> userId() {
        return Optional.empty();
    }

    @Override
    public AccessLevel levelFor(Area area) {
        return AccessLevel.APPROVER;
    }

    @Override
    public boolean accountAdministrator() {
        return true;
    }

    @Override
    public boolean system() {
        return true;
    }

    @Override
    public boolean platformAdministrator() {
        return true;
    }
}
