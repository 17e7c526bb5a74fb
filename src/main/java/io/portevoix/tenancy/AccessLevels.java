package io.portevoix.tenancy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An access level for every area. Areas not given are {@link AccessLevel#NONE}.
 */
public record AccessLevels(Map<Area, AccessLevel> levels) {

    public AccessLevels {
        EnumMap<Area, AccessLevel> copy = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            copy.put(area, levels.getOrDefault(area, AccessLevel.NONE));
        }
        levels = Collections.unmodifiableMap(copy);
    }

    public static AccessLevels all(AccessLevel level) {
        EnumMap<Area, AccessLevel> map = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            map.put(area, level);
        }
        return new AccessLevels(map);
    }

    public static AccessLevels none() {
        return all(AccessLevel.NONE);
    }

    public AccessLevel of(Area area) {
        return levels.get(area);
    }

    public AccessLevels with(Area area, AccessLevel level) {
        EnumMap<Area, AccessLevel> map = new EnumMap<>(levels);
        map.put(area, level);
        return new AccessLevels(map);
    }

    public boolean allows(Area area, AccessLevel required) {
        return of(area).includes(required);
    }
}
