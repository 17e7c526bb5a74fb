package io.portevoix.templates;

import io.portevoix.audience.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template with its content: {@code email} for e-mail templates, {@code smsText} for SMS ones.
 * {@code fromNetwork}: a copy of a template the headquarters published; {@code modifiedLocally}:
 * that copy was changed here and no longer receives the headquarters' updates; {@code published}:
 * this account (a headquarters) shares it with its clubs.
 */
public record TemplateDetails(TemplateId id, String name, String description, Channel channel, List<String> tags,
        @Nullable AutomationType automationType, TemplateStatus status, boolean locked, EmailContent email,
        String smsText, boolean fromNetwork, boolean modifiedLocally, boolean published, int revision,
        String createdBy, String updatedBy, Instant createdAt, Instant updatedAt) {

    public TemplateSummary summary() {
        return new TemplateSummary(id, name, description, channel, tags, automationType, status, locked, fromNetwork,
                modifiedLocally, published, updatedBy, updatedAt);
    }
}
