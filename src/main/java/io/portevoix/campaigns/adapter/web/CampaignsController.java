package io.portevoix.campaigns.adapter.web;

import io.portevoix.audience.Audience;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignCount;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignFilter;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunSummary;
import io.portevoix.campaigns.SendResult;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.templates.TemplateId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/campaigns", produces = "application/json")
@Tag(name = "Campaigns", description = "One-shot e-mail campaigns: edit, count, test, send, approve, history")
class CampaignsController {

    private static final List<String> CONTENT_FIELDS = List.of("subject", "preheader", "html", "text", "templateId",
            "fromName", "fromEmail", "replyTo", "senderId");

    private final CampaignCommands commands;
    private final CampaignQueries queries;

    CampaignsController(CampaignCommands commands, CampaignQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    static Map<String, Object> document(CampaignDetails c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", c.id().toString());
        d.put("name", c.name());
        d.put("description", c.description());
        d.put("channel", c.channel().name());
        d.put("broadcastType", c.broadcastType().name());
        d.put("status", c.status().name());
        d.put("audience", c.audience().toJson());
        CampaignContent k = c.content();
        d.put("subject", k.subject());
        d.put("preheader", k.preheader());
        d.put("html", k.html());
        d.put("text", k.text());
        d.put("templateId", k.templateId() == null ? null : k.templateId().toString());
        d.put("fromName", k.fromName());
        d.put("fromEmail", k.fromEmail());
        d.put("replyTo", k.replyTo());
        d.put("senderId", k.senderId());
        d.put("sendAt", c.sendAt());
        d.put("createdBy", c.createdBy());
        d.put("submittedBy", c.submittedBy());
        d.put("reviewedBy", c.reviewedBy());
        d.put("reviewComment", c.reviewComment());
        d.put("runId", c.currentRun() == null ? null : c.currentRun().toString());
        d.put("createdAt", c.createdAt());
        d.put("updatedAt", c.updatedAt());
        return d;
    }

    @GetMapping
    @Operation(summary = "The account's campaigns, most recently changed first (?status=&channel=&archived=)")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String channel, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String search) {
        CampaignFilter filter = new CampaignFilter(search, status == null ? null : parse(CampaignStatus.class, "status", status),
                channel == null ? null : parse(Channel.class, "channel", channel), null, null, null, archived);
        return Map.of("items", queries.list(filter).stream().map(CampaignsController::document).toList());
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft campaign")
    Map<String, Object> create(@RequestBody Map<String, Object> body) {
        List<UUID> servers = smtpServers(body);
        CampaignDetails created = commands.create(draft(body, CampaignContent.EMPTY));
        if (servers != null) {
            commands.chooseSmtpServers(created.id(), servers);
        }
        return withServers(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign")
    Map<String, Object> get(@PathVariable String id) {
        return withServers(load(id));
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change the given fields of a draft (409 once it is no longer one)")
    Map<String, Object> patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
        CampaignDetails current = load(id);
        List<UUID> servers = smtpServers(body);
        CampaignDetails updated = commands.update(current.id(), draft(body, current.content()));
        if (servers != null) {
            commands.chooseSmtpServers(current.id(), servers);
        }
        return withServers(updated);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a draft")
    void delete(@PathVariable String id) {
        commands.delete(id(id));
    }

    @PostMapping("/{id}/count")
    @Operation(summary = "Recipients after exclusions, each exclusion with its number, credits needed")
    Map<String, Object> count(@PathVariable String id, @RequestBody(required = false) @Nullable Map<String, Object> body) {
        CampaignCount count = queries.count(id(id), countries(body));
        Map<String, Object> excluded = new LinkedHashMap<>();
        count.excluded().forEach((reason, n) -> excluded.put(reason.name(), n));
        boolean sms = !count.byCountry().isEmpty() || load(id).channel() == io.portevoix.audience.Channel.SMS;
        if (sms) {
            excluded.put("NON_ADDRESSABLE", count.nonAddressable());
            excluded.put("EXCLUDED_COUNTRY", count.inExcludedCountries());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("recipients", count.recipients());
        d.put("excluded", excluded);
        d.put("credits", count.credits());
        d.put("available", count.available());
        d.put("warnings", count.warnings());
        if (sms) {
            d.put("excludeCountries", count.excludedCountries().stream().sorted().toList());
            d.put("byCountry", count.byCountry().stream().map(line -> {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("country", line.country());
                l.put("recipients", line.recipients());
                l.put("nonAddressable", line.nonAddressable());
                Map<String, Object> parts = new LinkedHashMap<>();
                parts.put("1", line.onePart());
                parts.put("2", line.twoParts());
                parts.put("3+", line.threeOrMoreParts());
                l.put("parts", parts);
                l.put("totalParts", line.totalParts());
                l.put("credits", line.credits());
                l.put("creditsPerPart", line.rate());
                l.put("excluded", line.excluded());
                return l;
            }).toList());
        }
        return d;
    }

    /** The campaign's document with {@code smtpServers}, the SMTP server ids it is restricted to (empty: the account's). */
    private Map<String, Object> withServers(CampaignDetails c) {
        Map<String, Object> d = document(c);
        d.put("smtpServers", queries.smtpServers(c.id()).stream().map(UUID::toString).toList());
        return d;
    }

    /**
     * {@code smtpServers} of a body (ids of enabled SMTP servers), null when absent; checked before
     * anything is changed, so that a wrong id changes nothing.
     */
    private @Nullable List<UUID> smtpServers(Map<String, Object> body) {
        if (!body.containsKey("smtpServers")) {
            return null;
        }
        if (!(body.get("smtpServers") instanceof List<?> list)) {
            throw InvalidInputException.of("smtpServers", "A list of SMTP server ids");
        }
        java.util.Set<UUID> enabled = queries.mailServers().stream().map(io.portevoix.campaigns.spi.MailServerChoice::id)
                .collect(java.util.stream.Collectors.toSet());
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            UUID server;
            try {
                server = UUID.fromString(String.valueOf(list.get(i)));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("smtpServers[" + i + "]", "Not an SMTP server id: " + list.get(i));
            }
            if (!enabled.contains(server)) {
                throw InvalidInputException.of("smtpServers[" + i + "]", "Not an enabled SMTP server: " + server);
            }
            ids.add(server);
        }
        return ids;
    }

    /** {@code excludeCountries} of a body: null when absent (the campaign's saved choice applies). */
    private static java.util.@Nullable Set<String> countries(@Nullable Map<String, Object> body) {
        if (body == null || !body.containsKey("excludeCountries")) {
            return null;
        }
        if (!(body.get("excludeCountries") instanceof List<?> list)) {
            throw InvalidInputException.of("excludeCountries", "A list of ISO 3166-1 alpha-2 country codes");
        }
        return new java.util.LinkedHashSet<>(list.stream().map(String::valueOf).toList());
    }

    @PostMapping(path = "/{id}/test", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a test {to:[…], asContactId} (not counted, not charged)")
    Map<String, Object> test(@PathVariable String id, @RequestBody Map<String, Object> body) {
        if (!(body.get("to") instanceof List<?> to)) {
            throw InvalidInputException.of("to", "A list of addresses");
        }
        ContactId as = null;
        if (body.get("asContactId") instanceof String contact) {
            try {
                as = new ContactId(UUID.fromString(contact));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("asContactId", "Not a contact id");
            }
        }
        return Map.of("sent", commands.sendTest(id(id), to.stream().map(String::valueOf).toList(), as));
    }

    @PostMapping("/{id}/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send now or {at}; an editor's request waits for approval")
    Map<String, Object> send(@PathVariable String id, @RequestBody(required = false) @Nullable Map<String, Object> body) {
        Instant at = null;
        if (body != null && body.get("at") != null) {
            try {
                at = Instant.parse(String.valueOf(body.get("at")));
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("at", "An instant such as 2027-01-15T08:00:00Z");
            }
        }
        return result(commands.send(id(id), at, countries(body)));
    }

    @PostMapping("/{id}/approve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Approve a campaign waiting for approval {comment}")
    Map<String, Object> approve(@PathVariable String id, @RequestBody(required = false) @Nullable Map<String, Object> body) {
        return result(commands.approve(id(id), comment(body)));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Send a campaign back to its author {comment}")
    Map<String, Object> reject(@PathVariable String id, @RequestBody(required = false) @Nullable Map<String, Object> body) {
        return document(commands.reject(id(id), comment(body)));
    }

    @PostMapping("/{id}/clone")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new draft with the same content and audience")
    Map<String, Object> duplicate(@PathVariable String id) {
        return document(commands.duplicate(id(id)));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a draft or a sent campaign")
    Map<String, Object> archive(@PathVariable String id) {
        return document(commands.archive(id(id)));
    }

    @PostMapping("/{id}/suspend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Suspend a scheduled or sending campaign (credits not yet used are released)")
    Map<String, Object> suspend(@PathVariable String id) {
        return document(commands.suspend(id(id)));
    }

    @PostMapping("/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Resume a suspended campaign")
    Map<String, Object> resume(@PathVariable String id) {
        return result(commands.resume(id(id)));
    }

    @PostMapping("/{id}/resend-unknown")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send again the messages whose outcome is unknown (approver; they may arrive twice)")
    Map<String, Object> resendUnknown(@PathVariable String id) {
        return Map.of("resent", commands.resendUnknown(id(id)));
    }

    @GetMapping("/{id}/stats")
    @Operation(summary = "Figures over every run: sent, failed, opens and clicks by people, rates over sent")
    Map<String, Object> stats(@PathVariable String id) {
        io.portevoix.campaigns.CampaignStats s = queries.stats(id(id));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("targeted", s.targeted());
        d.put("sent", s.sent());
        d.put("failed", s.failed());
        d.put("bounced", s.bounced());
        d.put("unknown", s.unknown());
        if (load(id).channel() == io.portevoix.audience.Channel.SMS) {
            d.put("delivered", s.delivered());
            d.put("undelivered", s.undelivered());
            d.put("parts", s.parts());
            d.put("credits", s.credits());
            d.put("stopReplies", s.stops());
        }
        d.put("opens", s.engagement().opens());
        d.put("uniqueOpens", s.engagement().uniqueOpens());
        d.put("clicks", s.engagement().clicks());
        d.put("uniqueClicks", s.engagement().uniqueClicks());
        d.put("unsubscribes", s.engagement().unsubscribes());
        d.put("machineEvents", s.engagement().machineEvents());
        d.put("openRate", s.openRate());
        d.put("clickRate", s.clickRate());
        d.put("clickToOpenRate", s.clickToOpenRate());
        d.put("links", s.engagement().links().stream().map(l -> Map.of("url", l.url(), "clicks", l.clicks(),
                "uniqueClicks", l.uniqueClicks())).toList());
        return d;
    }

    @GetMapping(path = "/{id}/runs/{runId}/recipients.csv", produces = "text/csv")
    @Operation(summary = "A run's recipients with each message's state, as CSV for Excel (FR)")
    org.springframework.http.ResponseEntity<byte[]> recipients(@PathVariable String id, @PathVariable String runId) {
        io.portevoix.campaigns.RunId run;
        try {
            run = new io.portevoix.campaigns.RunId(UUID.fromString(runId));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("No such run");
        }
        if (queries.run(run).filter(r -> r.campaignId().equals(id(id))).isEmpty()) {
            throw new NoSuchElementException("No such run");
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"recipients-" + runId + ".csv\"")
                .body(queries.recipientsCsv(run));
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "The campaign's send runs, the latest first")
    Map<String, Object> runs(@PathVariable String id) {
        return Map.of("items", queries.runs(id(id)).stream().map(CampaignsController::run).toList());
    }

    static Map<String, Object> run(RunSummary r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("runId", r.id().toString());
        d.put("number", r.number());
        d.put("startedAt", r.startedAt());
        d.put("finishedAt", r.finishedAt());
        d.put("author", r.author());
        d.put("targeted", r.targeted());
        d.put("sent", r.figures().sent());
        d.put("failed", r.figures().failed());
        d.put("unknown", r.figures().unknown());
        d.put("pending", r.figures().pending());
        d.put("broadcastType", r.broadcastType().name());
        d.put("templateName", r.templateName());
        d.put("audience", r.audience().toJson());
        d.put("status", r.status().name());
        return d;
    }

    private static Map<String, Object> result(SendResult result) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", result.status().name());
        d.put("runId", result.runId() == null ? null : result.runId().toString());
        return d;
    }

    private static String comment(@Nullable Map<String, Object> body) {
        return body == null || body.get("comment") == null ? "" : String.valueOf(body.get("comment"));
    }

    /** The body's fields over the current content: absent fields stay as they are. */
    private static CampaignDraft draft(Map<String, Object> body, CampaignContent current) {
        CampaignContent content = null;
        if (CONTENT_FIELDS.stream().anyMatch(body::containsKey)) {
            TemplateId template = current.templateId();
            if (body.containsKey("templateId")) {
                Object value = body.get("templateId");
                try {
                    template = value == null || String.valueOf(value).isBlank() ? null
                            : new TemplateId(UUID.fromString(String.valueOf(value)));
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("templateId", "Not a template id");
                }
            }
            content = new CampaignContent(text(body, "subject", current.subject()), text(body, "preheader", current.preheader()),
                    text(body, "html", current.html()), text(body, "text", current.text()), template,
                    text(body, "fromName", current.fromName()), text(body, "fromEmail", current.fromEmail()),
                    text(body, "replyTo", current.replyTo()), text(body, "senderId", current.senderId()));
        }
        return new CampaignDraft(optionalText(body, "name"), optionalText(body, "description"),
                body.get("channel") == null ? null : parse(Channel.class, "channel", String.valueOf(body.get("channel"))),
                body.get("broadcastType") == null ? null
                        : parse(BroadcastType.class, "broadcastType", String.valueOf(body.get("broadcastType"))),
                body.containsKey("audience") ? Audience.fromJson(body.get("audience")) : null, content);
    }

    private static String text(Map<String, Object> body, String field, String current) {
        if (!body.containsKey(field)) {
            return current;
        }
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw InvalidInputException.of(field, "Must be a text");
        }
        return value == null ? "" : (String) value;
    }

    private static @Nullable String optionalText(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw InvalidInputException.of(field, "Must be a text");
        }
        return (String) value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "Unknown value: " + value);
        }
    }

    private CampaignDetails load(String id) {
        return queries.find(id(id)).orElseThrow(() -> new NoSuchElementException("No such campaign"));
    }

    private static CampaignId id(String id) {
        try {
            return new CampaignId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("No such campaign");
        }
    }
}
