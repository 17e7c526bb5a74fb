package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.Area;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Access levels as the jsonb column holds them: {@code {"CONTACTS":"APPROVER", …}}. */
final class LevelsJson {

    private static final Pattern ENTRY = Pattern.compile("\"([A-Z_]+)\"\\s*:\\s*\"([A-Z_]+)\"");

    private LevelsJson() {
    }

    static String write(AccessLevels levels) {
        return levels.levels().entrySet().stream()
                .map(e -> "\"" + e.getKey().name() + "\":\"" + e.getValue().name() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    static AccessLevels read(String json) {
        Map<Area, AccessLevel> map = new EnumMap<>(Area.class);
        Matcher matcher = ENTRY.matcher(json);
        while (matcher.find()) {
            try {
                map.put(Area.valueOf(matcher.group(1)), AccessLevel.valueOf(matcher.group(2)));
            } catch (IllegalArgumentException ignored) {
                // an area or level this version does not know stays NONE
            }
        }
        return new AccessLevels(map);
    }
}
