package io.portevoix.audience;

import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who a message is for: the union of built-in segments (by key: all, active, inactive, leaders,
 * board), saved segments, import lists, hand-picked contacts and ad-hoc criteria (the grammar of
 * API.md). Exclusions (consent, suppression, address, duplicates, the account's rules) apply to
 * the union when it is counted or resolved for a channel and a broadcast type.
 */
public record Audience(List<String> builtIns, List<SegmentId> segmentIds, List<ImportId> importIds,
        List<ContactId> contactIds, @Nullable Object criteria) {

    public static final Audience NONE = new Audience(List.of(), List.of(), List.of(), List.of(), null);

    public Audience {
        builtIns = List.copyOf(builtIns);
        segmentIds = List.copyOf(segmentIds);
        importIds = List.copyOf(importIds);
        contactIds = List.copyOf(contactIds);
    }

    /** The JSON tree of API.md: {@code {"segmentIds","importIds","contactIds","criteria"}} (and {@code builtIns}). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("builtIns", builtIns);
        json.put("segmentIds", segmentIds.stream().map(SegmentId::toString).toList());
        json.put("importIds", importIds.stream().map(ImportId::toString).toList());
        json.put("contactIds", contactIds.stream().map(ContactId::toString).toList());
        if (criteria != null) {
            json.put("criteria", criteria);
        }
        return json;
    }

    /** Reads the JSON tree (maps and lists); malformed parts are reported together, with their place. */
    public static Audience fromJson(@Nullable Object tree) {
        if (tree == null) {
            return NONE;
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw InvalidInputException.of("audience", "Must be an object {\"segmentIds\",\"importIds\",\"contactIds\",\"criteria\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> builtIns = ids(map, "builtIns", s -> s, errors);
        List<SegmentId> segments = ids(map, "segmentIds", s -> new SegmentId(UUID.fromString(s)), errors);
        List<ImportId> imports = ids(map, "importIds", s -> new ImportId(UUID.fromString(s)), errors);
        List<ContactId> contacts = ids(map, "contactIds", s -> new ContactId(UUID.fromString(s)), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Audience(builtIns, segments, imports, contacts, map.get("criteria"));
    }

    private static <T> List<T> ids(Map<?, ?> map, String key, Function<String, T> parse, List<FieldError> errors) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(new FieldError("audience." + key, "Must be a list"));
            return List.of();
        }
        List<T> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                ids.add(parse.apply(String.valueOf(list.get(i))));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("audience." + key + "[" + i + "]", "Not an id: " + list.get(i)));
            }
        }
        return ids;
    }

    public boolean isEmpty() {
        return builtIns.isEmpty() && segmentIds.isEmpty() && importIds.isEmpty() && contactIds.isEmpty() && criteria == null;
    }
}
