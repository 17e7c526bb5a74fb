package io.portevoix.delivery;

import java.util.List;
import java.util.UUID;
import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.Nullable;

/**
 * The current account's e-mail options (Settings → E-mail): the SMTP servers its e-mail leaves
 * through (empty: every enabled server; a campaign may narrow it further) and the most messages it
 * may send per second, minute and hour (null: no limit; off by default).
 */
@PrimaryPort
public interface EmailOptions {

    EmailOptionsDetails current();

    /** SETTINGS at EDITOR level; the servers must be enabled ones; audited. */
    EmailOptionsDetails chooseServers(List<UUID> servers);

    /** A platform administrator, or SETTINGS at APPROVER level; each limit null or positive; audited. */
    EmailOptionsDetails limit(@Nullable Integer perSecond, @Nullable Integer perMinute, @Nullable Integer perHour);
}
