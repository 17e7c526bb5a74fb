/**
 * Tenancy's domain: the account aggregate and the policies of logins, passwords and API keys.
 * Plain Java and jMolecules only.
 */
@NullMarked
package io.portevoix.tenancy.domain;

import org.jspecify.annotations.NullMarked;
