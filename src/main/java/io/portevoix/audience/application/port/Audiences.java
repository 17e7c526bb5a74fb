package io.portevoix.audience.application.port;

import io.portevoix.audience.AudienceRules;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.Exclusion;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.Recipient;
import io.portevoix.audience.domain.Criteria;
import io.portevoix.shared.AccountId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Evaluates audiences in one query each, and stores the account's audience rules. */
public interface Audiences {

    /** A resolved audience: the union of criteria, import lists and contacts, for a channel and a type. */
    record Selection(List<Criteria> criteria, List<ImportId> imports, List<ContactId> contacts, Channel channel,
            BroadcastType type, AudienceRules rules, LocalDate today, ZoneId zone) {
    }

    /** The count of each exclusion, with {@code null} as the key of the recipients. */
    Map<@Nullable Exclusion, Long> count(AccountId account, Selection selection);

    long recipients(AccountId account, Selection selection, Consumer<Recipient> each);

    /** The recipients as {@link #recipients}, each with its contact's details, in one statement. */
    long recipientsWithDetails(AccountId account, Selection selection, BiConsumer<Recipient, ContactDetails> each);

    /** Of these ids, those that are not imports of the account. */
    List<ImportId> unknownImports(AccountId account, Collection<ImportId> ids);

    /** Of these ids, those that are not live contacts of the account. */
    List<ContactId> unknownContacts(AccountId account, Collection<ContactId> ids);

    AudienceRules rules(AccountId account);

    void saveRules(AccountId account, AudienceRules rules);
}
