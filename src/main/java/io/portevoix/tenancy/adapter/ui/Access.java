package io.portevoix.tenancy.adapter.ui;

import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;

/** What the acting user may do, for views that hide or disable what their level does not allow. */
final class Access {

    private Access() {
    }

    static boolean can(Area area, AccessLevel level) {
        return TenantContext.currentActor().map(actor -> actor.can(area, level)).orElse(false);
    }

    static boolean accountAdministrator() {
        return TenantContext.currentActor().map(Actor::accountAdministrator).orElse(false);
    }

    static boolean platformAdministrator() {
        return TenantContext.currentActor().map(Actor::platformAdministrator).orElse(false);
    }
}
