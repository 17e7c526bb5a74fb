package io.portevoix.templates;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactId;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.Nullable;

/**
 * Changes the current account's templates. Merge tags are checked on every save: an unknown tag
 * or a syntax error → {@link MergeTagException} naming it, and nothing is saved. Imported and
 * edited HTML is sanitised before it is stored.
 */
@PrimaryPort
public interface TemplateCommands {

    TemplateDetails create(CreateTemplate command);

    TemplateDetails describe(TemplateId id, DescribeTemplate command);

    /** Saves an e-mail template's subject, preheader, HTML and editor project (also the editor's autosave). */
    TemplateDetails saveEmail(TemplateId id, EmailContent content);

    /** Saves what the editor gives back: the document is rebuilt around the body, with the account's language. */
    TemplateDetails saveEditedEmail(TemplateId id, EditedEmail edited);

    TemplateDetails saveSms(TemplateId id, String text);

    /** A copy named "… (copie)", never locked, to adapt. */
    TemplateDetails duplicate(TemplateId id);

    void archive(TemplateId id);

    void reactivate(TemplateId id);

    /** Deletes a template that nothing uses (not published to the network, not a locked network copy). */
    void delete(TemplateId id);

    /**
     * A headquarters shares the template with its clubs: each receives a copy, and later changes
     * reach the copies no club has modified. Returns the number of clubs that received or updated it.
     */
    int publish(TemplateId id);

    /** Stops sharing: clubs keep the copies they have, and receive no further update. */
    void unpublish(TemplateId id);

    /**
     * Sends an e-mail template as a test to up to 10 addresses, rendered with a member's data (or
     * example values), its subject prefixed with "[TEST]": not counted, not charged, no run. Returns
     * how many were sent.
     */
    int sendTest(TemplateId id, List<String> to, @Nullable ContactId asContact, BroadcastType broadcastType);

    /** The opt-out mention marketing SMS end with, e.g. "STOP au 36111". */
    void changeStopMention(String mention);
}
