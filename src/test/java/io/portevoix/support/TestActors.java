package io.portevoix.support;

import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.SystemActor;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Logs test users in through the real login, or acts as the system. */
public final class TestActors {

    public static final String PASSWORD = "correct-horse-battery";

    private TestActors() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.porte-voix.io";
    }

    /** Authenticates through the application's login and makes the result the current actor. */
    public static Actor login(AuthenticationProvider provider, String email, String password) {
        Authentication result = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
        SecurityContextHolder.getContext().setAuthentication(result);
        return (Actor) result.getPrincipal();
    }

    public static Actor login(AuthenticationProvider provider, String email) {
        return login(provider, email, PASSWORD);
    }

    public static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
