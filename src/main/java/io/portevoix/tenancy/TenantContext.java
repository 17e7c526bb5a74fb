package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The account (and actor) the current work is done for.
 *
 * <p>Requests take it from the authenticated {@link Actor}; background work and public pages
 * bind it explicitly with {@link #callAs}. Every database connection handed to the application
 * carries it as the {@code portevoix.account_id} setting, which row-level security policies read,
 * so a query that forgets its {@code account_id} filter still sees only this account's rows.
 */
public final class TenantContext {

    private static final ScopedValue<AccountId> BOUND_ACCOUNT = ScopedValue.newInstance();

    private TenantContext() {
    }

    public static Optional<Actor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** Whether the current actor has at least {@code level} in {@code area} (false without an actor). */
    public static boolean currentActorCan(Area area, AccessLevel level) {
        return currentActor().map(actor -> actor.can(area, level)).orElse(false);
    }

    /** The account work is done for: a bound one first, else the acting user's or key's. */
    public static Optional<AccountId> currentAccount() {
        if (BOUND_ACCOUNT.isBound()) {
            return Optional.of(BOUND_ACCOUNT.get());
        }
        return currentActor().flatMap(Actor::accountId);
    }

    public static AccountId requireAccount() {
        return currentAccount().orElseThrow(() -> new NoAccountSelectedException());
    }

    /** Runs {@code work} for {@code account}, whatever the caller's own account is. */
    public static <T> T callAs(AccountId account, Supplier<T> work) {
        return ScopedValue.where(BOUND_ACCOUNT, account).call(work::get);
    }

    public static void runAs(AccountId account, Runnable work) {
        ScopedValue.where(BOUND_ACCOUNT, account).run(work);
    }

    /** Thrown when work that needs an account runs without one. */
    public static final class NoAccountSelectedException extends IllegalStateException {
        public NoAccountSelectedException() {
            super("No account is selected for this work");
        }
    }
}
