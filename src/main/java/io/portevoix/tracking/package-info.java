/**
 * Tracking signs each recipient's links and answers the public recipient pages: for now the
 * unsubscribe link (confirmation page and the RFC 8058 one-click POST of {@code List-Unsubscribe})
 * and the preference centre (which broadcast types a member accepts by e-mail). A link is an
 * HMAC-signed token naming the account, the member, the campaign and its broadcast type; an
 * altered or forged token is a 404. The consent change is committed through audience's API before
 * the page answers. Open and click tracking come next. Implements delivery's {@code spi}.
 */
@NullMarked
@ApplicationModule(displayName = "Tracking", allowedDependencies = {"tenancy", "audience", "templates", "campaigns", "campaigns::spi",
        "delivery", "delivery::spi", "shell"})
package io.portevoix.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
