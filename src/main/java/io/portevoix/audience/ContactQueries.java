package io.portevoix.audience;

import io.portevoix.shared.PageSpec;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads the current account's contacts. */
@PrimaryPort
public interface ContactQueries {

    Optional<ContactDetails> find(ContactId id);

    /**
     * The live contacts among these ids (at most a few thousand), for delivery to render a batch
     * of messages; erased or unknown ids are left out.
     */
    List<ContactDetails> findAll(java.util.Collection<ContactId> ids);

    /** Contacts with this e-mail, ignoring case. */
    List<ContactDetails> findByEmail(String email);

    /** Contacts with this mobile, written in any usual form (normalised with the account's phone region). */
    List<ContactDetails> findByMobile(String mobile);

    List<ContactDetails> findByExternalRef(String externalRef);

    /** A page of the grid, sorted by last name then first name. */
    List<ContactSummary> page(ContactFilter filter, PageSpec page);

    int count(ContactFilter filter);

    /**
     * Up to {@code limit} (at most 5,000) contacts with all their data, for rendering samples such
     * as the SMS composer's shortest and longest personalised text.
     */
    List<ContactDetails> sample(int limit);

    List<ConsentChange> consentHistory(ContactId id);

    /** The messages sent to the member, newest first (at most 500); empty before any send. */
    List<SentMessage> messages(ContactId id);

    /** The member's replies to SMS (STOP and others), newest first. */
    List<ReceivedReply> replies(ContactId id);

    /** The latest bounce of the member's e-mail address, empty when none was ever reported. */
    Optional<LastBounce> lastBounce(ContactId id);

    /** One contact's data as JSON (GDPR access request); audited. */
    String export(ContactId id);

    UniquenessKey uniquenessKey();
}
