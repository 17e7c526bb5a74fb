package io.portevoix.templates;

import io.portevoix.audience.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A line of the template library. */
public record TemplateSummary(TemplateId id, String name, String description, Channel channel, List<String> tags,
        @Nullable AutomationType automationType, TemplateStatus status, boolean locked, boolean fromNetwork,
        boolean modifiedLocally, boolean published, String updatedBy, Instant updatedAt) {
}
