package io.portevoix.templates;

import io.portevoix.audience.Channel;
import org.jspecify.annotations.Nullable;

/** Filters of the template library; null means "any". */
public record TemplateFilter(@Nullable String search, @Nullable Channel channel, @Nullable TemplateStatus status,
        @Nullable String tag) {

    public static final TemplateFilter ACTIVE = new TemplateFilter(null, null, TemplateStatus.ACTIVE, null);
}
