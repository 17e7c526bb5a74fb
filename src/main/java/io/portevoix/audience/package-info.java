/**
 * Audience owns the members (contacts) of each account: their identity, status, subscription,
 * booklet, visits, tags and custom attributes, their consents per channel and broadcast type
 * with the full history, and the suppression list. It depends on tenancy (the account, its
 * sites and phone region, the audit log) and the shell.
 */
@NullMarked
@ApplicationModule(displayName = "Audience", allowedDependencies = {"tenancy", "shell"})
package io.portevoix.audience;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
