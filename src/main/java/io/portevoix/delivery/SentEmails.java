package io.portevoix.delivery;

import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.templates.RenderedEmail;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** The e-mails delivery sent, rendered again on demand (for their web version). */
@PrimaryPort
public interface SentEmails {

    /**
     * The e-mail of this campaign as the member of the current account received it: rendered again,
     * the way the send renders it, from the content of the last run that sent it to them, with their
     * own recipient links and their current data; the links not yet rewritten by tracking. Empty
     * when the member was erased or was never sent this campaign by e-mail.
     */
    Optional<RenderedEmail> asSent(CampaignId campaign, ContactId contact);
}
