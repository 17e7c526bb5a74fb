package io.portevoix.audience;

import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Reads segments and counts the contacts that match criteria, in one SQL query. */
@PrimaryPort
public interface SegmentQueries {

    Optional<SegmentDetails> find(SegmentId id);

    List<SegmentDetails> list();

    /** The segments every account has: all, active members, inactive, active leaders, the board. */
    List<BuiltInSegment> builtIns();

    /** The number of the account's contacts matching the criteria (a JSON tree of the grammar). */
    long count(Object criteria);

    long count(SegmentId id);

    /**
     * The values the builder proposes for a text field (statuses, sites, civilities, subscription
     * and booklet names, tags): those that exist among the account's contacts, most frequent first
     * (at most 100); empty for other fields.
     */
    List<String> suggestions(String field);

    /** The account's campaigns that have sent something (id → name, latest first), for behaviour criteria. */
    java.util.Map<String, String> campaigns();

    /** Each built-in field of the grammar with the operators its type allows, for the builder. */
    java.util.Map<String, List<String>> operatorsByField();
}
