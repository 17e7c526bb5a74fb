package io.portevoix.templates;

import io.portevoix.audience.Channel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Creates a template of the current account. */
public record CreateTemplate(String name, String description, Channel channel, List<String> tags,
        @Nullable AutomationType automationType, TemplateStart start) {

    public CreateTemplate {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
