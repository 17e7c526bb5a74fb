package io.portevoix.audience;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Resolves audiences in the current account, in SQL: counts with exclusions, and the recipients themselves. */
@PrimaryPort
public interface AudienceQueries {

    /**
     * The selected contacts, the recipients and each exclusion's number for this channel and
     * broadcast type. Unknown segment, import or contact ids are refused with the part they are in.
     */
    AudienceCount count(Audience audience, Channel channel, BroadcastType type);

    /**
     * Every recipient, one per address, in a stable order, read with a cursor (flat memory);
     * returns how many. Call inside a transaction.
     */
    long recipients(Audience audience, Channel channel, BroadcastType type, Consumer<Recipient> each);

    /**
     * The same recipients in the same order, each with the member's details, in the same single
     * read (for a text rendered per recipient, without reading the members again by id); returns
     * how many. Call inside a transaction.
     */
    long recipientsWithDetails(Audience audience, Channel channel, BroadcastType type,
            BiConsumer<Recipient, ContactDetails> each);

    /** Checks an audience (ids of this account, valid criteria) without counting it. */
    void check(Audience audience);

    AudienceRules rules();
}
