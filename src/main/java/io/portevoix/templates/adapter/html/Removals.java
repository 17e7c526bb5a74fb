package io.portevoix.templates.adapter.html;

import io.portevoix.templates.RemovalKind;
import io.portevoix.templates.SanitizedHtml.Removal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one sanitising removed, identical removals counted once, in the order first met. */
final class Removals {

    private record Key(RemovalKind kind, String detail) {
    }

    private final Map<Key, Integer> counts = new LinkedHashMap<>();

    void add(RemovalKind kind, String detail) {
        counts.merge(new Key(kind, detail), 1, Integer::sum);
    }

    List<Removal> list() {
        return counts.entrySet().stream()
                .map(entry -> new Removal(entry.getKey().kind(), entry.getKey().detail(), entry.getValue()))
                .toList();
    }
}
