package io.portevoix.templates;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Changes what a template is called and how it is classified (not its content). */
public record DescribeTemplate(String name, String description, List<String> tags,
        @Nullable AutomationType automationType, boolean locked) {

    public DescribeTemplate {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
