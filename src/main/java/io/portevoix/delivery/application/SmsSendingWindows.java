package io.portevoix.delivery.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * When an SMS may leave: marketing SMS wait for the next slot of their recipient's sending window
 * (the recipient's country and time zone, its public holidays, the account's narrowing); legal and
 * informative SMS are never held back.
 */
@PrimaryPort
public interface SmsSendingWindows {

    /**
     * The earliest instant at or after {@code now} when an SMS of {@code type} from {@code account}
     * may be handed to the gateway for {@code e164}: {@code now} itself for LEGAL and INFORMATIVE
     * messages and for marketing ones inside the window, else the start of the next allowed slot in
     * the recipient's local time. Cheap enough to call for every message of a run (the account's
     * window is cached for a minute, holidays per country and year); expects to run with the
     * account bound ({@code TenantContext.runAs}), as the outbox workers do.
     */
    Instant nextSlot(AccountId account, String e164, BroadcastType type, Instant now);

    /** The current account's marketing SMS window: its narrowing, else {@link SendingWindow#FRANCE}. */
    SendingWindow window();

    /**
     * Narrows the current account's window (SETTINGS at EDITOR level; audited). Refuses a window
     * wider than the default with an {@link io.portevoix.shared.InvalidInputException} whose fields
     * are {@code days}, {@code starts} and {@code ends}.
     */
    SendingWindow narrow(NarrowSmsWindow command);
}
