/**
 * Value types every module may use: account identity, e-mail addresses, paging. Nothing here
 * depends on Spring or on any module.
 */
@NullMarked
@ApplicationModule(displayName = "Shared")
package io.portevoix.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
