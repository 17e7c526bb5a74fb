package io.portevoix.templates.adapter.web;

import io.portevoix.audience.Channel;
import io.portevoix.templates.AutomationType;
import io.portevoix.templates.CreateTemplate;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateStart;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.templates.TemplateSummary;
import io.portevoix.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The template library over the API: what campaigns reference by {@code templateId}. */
@RestController
@RequestMapping(path = "/api/v1/templates", produces = "application/json")
@Tag(name = "Templates", description = "E-mail and SMS templates of the account")
class TemplatesController {

    private final TemplateCommands commands;
    private final TemplateQueries queries;

    TemplatesController(TemplateCommands commands, TemplateQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A template as the API takes and returns it. */
    record TemplateDocument(@Nullable String id, String name, @Nullable String description, Channel channel,
            @Nullable List<String> tags, @Nullable AutomationType automationType, @Nullable TemplateStatus status,
            @Nullable Boolean locked, @Nullable String subject, @Nullable String preheader, @Nullable String html,
            @Nullable String text, @Nullable Boolean fromNetwork, @Nullable Instant createdAt, @Nullable Instant updatedAt) {
    }

    /** A line of the list. */
    record TemplateLine(String id, String name, Channel channel, List<String> tags, TemplateStatus status,
            boolean locked, boolean fromNetwork, Instant updatedAt) {
    }

    /** The list. */
    record TemplateList(List<TemplateLine> items) {
    }

    @GetMapping
    @Operation(summary = "The account's templates, newest change first; filters: channel, status, tag, q")
    TemplateList list(@RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable TemplateStatus status,
            @RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String q) {
        return new TemplateList(queries.list(new TemplateFilter(q, channel, status, tag)).stream()
                .map(TemplatesController::line).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template with its content")
    TemplateDocument get(@PathVariable String id) {
        return document(queries.find(id(id)).orElseThrow(() -> new NoSuchElementException("No such template")));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a template {name, channel, subject, preheader, html | text, tags}; merge tags are checked (422 names an unknown tag)")
    TemplateDocument create(@RequestBody TemplateDocument body) {
        if (body.channel() == null) {
            throw InvalidInputException.of("channel", "channel is EMAIL or SMS");
        }
        TemplateDetails saved = commands.create(new CreateTemplate(body.name(), body.description(), body.channel(),
                body.tags(), body.automationType(), new TemplateStart.WithContent(
                        new EmailContent(body.subject(), body.preheader(), body.html(), null),
                        body.text() == null ? "" : body.text())));
        return document(saved);
    }

    private static TemplateLine line(TemplateSummary t) {
        return new TemplateLine(t.id().toString(), t.name(), t.channel(), t.tags(), t.status(), t.locked(),
                t.fromNetwork(), t.updatedAt());
    }

    private static TemplateDocument document(TemplateDetails t) {
        boolean email = t.channel() == Channel.EMAIL;
        return new TemplateDocument(t.id().toString(), t.name(), t.description(), t.channel(), t.tags(),
                t.automationType(), t.status(), t.locked(), email ? t.email().subject() : null,
                email ? t.email().preheader() : null, email ? t.email().html() : null, email ? null : t.smsText(),
                t.fromNetwork(), t.createdAt(), t.updatedAt());
    }

    private static TemplateId id(String id) {
        try {
            return new TemplateId(UUID.fromString(id.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("No such template");
        }
    }
}
