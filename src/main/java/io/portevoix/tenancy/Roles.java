package io.portevoix.tenancy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security roles of an actor in its current account: {@code ROLE_<AREA>_<LEVEL>} for
 * every level up to the one it has (an APPROVER is also EDITOR and GUEST), plus
 * {@code ROLE_ACCOUNT_ADMIN} and {@code ROLE_PLATFORM_ADMIN}. Views ({@code @RolesAllowed}) and
 * services ({@code @PreAuthorize}) check these.
 */
public final class Roles {

    public static final String ACCOUNT_ADMIN = "ACCOUNT_ADMIN";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String API = "API";

    private Roles() {
    }

    public static List<GrantedAuthority> of(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (actor.accountId().isPresent() || actor.system()) {
            for (Area area : Area.values()) {
                AccessLevel granted = actor.levelFor(area);
                for (AccessLevel level : AccessLevel.values()) {
                    if (level != AccessLevel.NONE && granted.includes(level)) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + AccessLevel.role(area, level)));
                    }
                }
            }
            if (actor.accountAdministrator()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + ACCOUNT_ADMIN));
            }
        }
        if (actor.platformAdministrator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + PLATFORM_ADMIN));
        }
        if (actor.apiKey()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + API));
        }
        return List.copyOf(authorities);
    }
}
