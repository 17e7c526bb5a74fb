package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.Area;
import java.util.EnumMap;
import java.util.Map;

/** One level selector per area, used for users and API keys. */
final class LevelsEditor extends FormLayout {

    private final Map<Area, Select<AccessLevel>> selects = new EnumMap<>(Area.class);

    LevelsEditor(AccessLevels initial) {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2), new ResponsiveStep("800px", 3));
        for (Area area : Area.values()) {
            Select<AccessLevel> select = new Select<>();
            select.setLabel(getTranslation("area." + area.name()));
            select.setItems(AccessLevel.values());
            select.setItemLabelGenerator(level -> getTranslation("level." + level.name()));
            select.setValue(initial.of(area));
            select.setId("level-" + area.name());
            selects.put(area, select);
            add(select);
        }
    }

    AccessLevels value() {
        Map<Area, AccessLevel> levels = new EnumMap<>(Area.class);
        selects.forEach((area, select) -> levels.put(area, select.getValue()));
        return new AccessLevels(levels);
    }
}
