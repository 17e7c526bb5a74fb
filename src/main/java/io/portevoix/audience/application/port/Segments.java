package io.portevoix.audience.application.port;

import io.portevoix.audience.SegmentDetails;
import io.portevoix.audience.SegmentId;
import io.portevoix.audience.domain.Criteria;
import io.portevoix.shared.AccountId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import io.portevoix.audience.ContactDetails;
import io.portevoix.shared.PageSpec;
import java.util.Optional;

/** Saved segments, and the evaluation of criteria against the contacts. */
public interface Segments {

    void insert(AccountId account, SegmentDetails segment);

    Optional<SegmentDetails> find(AccountId account, SegmentId id);

    void update(AccountId account, SegmentDetails segment);

    boolean delete(AccountId account, SegmentId id);

    List<SegmentDetails> list(AccountId account);

    /** Counts matching contacts with one query; "today" is the account's today. */
    long count(AccountId account, Criteria criteria, LocalDate today, ZoneId zone);

    /** Distinct values of a text field among the account's contacts, most frequent first; empty for other fields. */
    List<String> suggestions(AccountId account, String field, int limit);

    /** A page of the matching contacts, sorted by name. */
    List<ContactDetails> members(AccountId account, Criteria criteria, LocalDate today, ZoneId zone, PageSpec page);

    /** Every matching contact, sorted by name, read with a cursor (flat memory); call inside a transaction. */
    void stream(AccountId account, Criteria criteria, LocalDate today, ZoneId zone, Consumer<ContactDetails> each);
}
