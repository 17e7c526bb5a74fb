/**
 * Tenancy owns accounts and their tree (a network headquarters and its club accounts), sites,
 * users and their memberships with an access level per area, API keys, branding, the accounts'
 * alphanumeric SMS sender IDs (requested by an account, decided by a platform administrator) and
 * the append-only audit log. It also establishes who is acting for which account
 * ({@link io.portevoix.tenancy.TenantContext}), which every other module relies on and which
 * PostgreSQL row-level security enforces a second time. It publishes {@link AccountCreated} and {@link UserAddedToAccount}
 * and depends on nothing but {@code shared}.
 */
@NullMarked
@ApplicationModule(displayName = "Tenancy", allowedDependencies = "shell")
package io.portevoix.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
