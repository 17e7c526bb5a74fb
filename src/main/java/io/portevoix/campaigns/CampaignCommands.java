package io.portevoix.campaigns;

import io.portevoix.audience.ContactId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Changes campaigns of the current account: edit while a draft, send (or ask to), approve, suspend. */
@PrimaryPort
public interface CampaignCommands {

    CampaignDetails create(CampaignDraft draft);

    /** Changes the given fields of a draft; {@link CampaignStateException} once it is no longer one. */
    CampaignDetails update(CampaignId id, CampaignDraft draft);

    void delete(CampaignId id);

    CampaignDetails duplicate(CampaignId id);

    CampaignDetails archive(CampaignId id);

    /**
     * Sends a test to addresses, rendered with a member's data (or example values), marked as a
     * test in its subject, not counted and not charged; returns how many were sent.
     */
    int sendTest(CampaignId id, List<String> to, @Nullable ContactId asContact);

    /**
     * Sends now or at {@code at}; an editor's request waits for an approver. Freezes the
     * recipients and reserves the credits when the send starts.
     */
    SendResult send(CampaignId id, @Nullable Instant at);

    /** Sends as {@link #send(CampaignId, Instant)}, first leaving out the SMS destination countries given (null: as saved). */
    SendResult send(CampaignId id, @Nullable Instant at, java.util.@Nullable Set<String> excludeCountries);

    /** Leaves these destination countries out of an SMS campaign (ISO codes; empty: none), while it is a draft. */
    CampaignDetails excludeCountries(CampaignId id, java.util.Set<String> countries);

    /**
     * Sends an e-mail campaign through these SMTP servers only (ids of enabled servers, see {@link
     * #mailServers()}; empty: the account's choice), while it is editable.
     */
    CampaignDetails chooseSmtpServers(CampaignId id, List<java.util.UUID> servers);

    SendResult approve(CampaignId id, String comment);

    CampaignDetails reject(CampaignId id, String comment);

    CampaignDetails suspend(CampaignId id);

    SendResult resume(CampaignId id);

    /**
     * Sends again the messages of the current run whose outcome is unknown (the process died while
     * a server had them: they may have left). An approver's decision: the recipient may get the
     * message twice. Not charged again (they were charged as unknown); returns how many were resent.
     */
    int resendUnknown(CampaignId id);

    /** Called by delivery when a run has no message left to send: settles its credits, ends the run. */
    void runFinished(RunId id);

    /** Starts the scheduled sends whose time has come (called every minute). */
    int startDue();
}
