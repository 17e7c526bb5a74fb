/**
 * Tenancy's web adapters: the security configuration (staff logins for the UI, API keys for
 * {@code /api/**}), RFC 9457 problem responses for the whole REST API, the OpenAPI description,
 * and the public branding images.
 */
@NullMarked
@PrimaryAdapter
package io.portevoix.tenancy.adapter.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
