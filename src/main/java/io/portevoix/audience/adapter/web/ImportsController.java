package io.portevoix.audience.adapter.web;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ImportCommands;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.ImportIssue;
import io.portevoix.audience.ImportQueries;
import io.portevoix.audience.ImportSummary;
import io.portevoix.audience.StartImport;
import io.portevoix.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping(path = "/api/v1/imports", produces = "application/json")
@Tag(name = "Imports", description = "Import contacts from CSV or XLSX files, in the background")
class ImportsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportCommands commands;
    private final ImportQueries queries;

    ImportsController(ImportCommands commands, ImportQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The answer to an import request. */
    record Started(String id, String status) {
    }

    /** An import as the API shows it. */
    record ImportDocument(String id, String status, String fileName, String listName, int total, int created,
            int updated, int rejected, List<Issue> errors, List<Issue> warnings, @Nullable String failure) {
    }

    /** One problem of one record. */
    record Issue(long line, String reason, String column, String value) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a CSV or XLSX file (multipart: file, optional updateExisting and mapping as JSON text)")
    Started start(@RequestParam("file") MultipartFile file,
            @RequestParam(value = "updateExisting", required = false) @Nullable String updateExisting,
            @RequestParam(value = "mapping", required = false) @Nullable String mapping,
            @RequestParam(value = "listName", required = false) @Nullable String listName,
            @RequestParam(value = "consents", required = false) @Nullable String consents,
            @RequestParam(value = "consentSource", required = false) @Nullable String consentSource) throws IOException {
        boolean update = updateExisting == null || updateExisting.isBlank() || !"false".equalsIgnoreCase(updateExisting.strip());
        ConsentSource source;
        try {
            source = consentSource == null || consentSource.isBlank() ? ConsentSource.IMPORT
                    : ConsentSource.valueOf(consentSource.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("consentSource", "IMPORT or FORM");
        }
        ImportId id = commands.start(new StartImport(file.getOriginalFilename(), file.getBytes(), update,
                mapping(mapping), listName == null ? "" : listName, consents(consents), source));
        return new Started(id.toString(), "QUEUED");
    }

    private static Map<String, String> mapping(@Nullable String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return mapping;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw InvalidInputException.of("mapping", "Must be a JSON object from column header to field name");
            }
            for (var entry : node.properties()) {
                if (!entry.getValue().isString()) {
                    throw InvalidInputException.of("mapping." + entry.getKey(), "Must be a field name");
                }
                mapping.put(entry.getKey().strip(), entry.getValue().stringValue().strip());
            }
            return mapping;
        } catch (JacksonException e) {
            throw InvalidInputException.of("mapping", "Not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Default consents for created contacts, as {@code {"EMAIL":{"MARKETING":true}}}. */
    private static Map<Channel, Map<BroadcastType, Boolean>> consents(@Nullable String text) {
        Map<Channel, Map<BroadcastType, Boolean>> consents = new java.util.EnumMap<>(Channel.class);
        if (text == null || text.isBlank()) {
            return consents;
        }
        try {
            JsonNode node = JSON.readTree(text);
            for (var channel : node.properties()) {
                Channel c = Channel.valueOf(channel.getKey().strip().toUpperCase(java.util.Locale.ROOT));
                Map<BroadcastType, Boolean> types = new java.util.EnumMap<>(BroadcastType.class);
                for (var type : channel.getValue().properties()) {
                    BroadcastType t = BroadcastType.valueOf(type.getKey().strip().toUpperCase(java.util.Locale.ROOT));
                    if (t == BroadcastType.LEGAL || !type.getValue().isBoolean()) {
                        throw new IllegalArgumentException("not a consent");
                    }
                    types.put(t, type.getValue().booleanValue());
                }
                consents.put(c, types);
            }
            return consents;
        } catch (JacksonException | IllegalArgumentException e) {
            throw InvalidInputException.of("consents",
                    "Must be JSON such as {\"EMAIL\":{\"MARKETING\":true,\"INFORMATIVE\":true}}");
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Where an import stands: status, counters, one error per rejected record, warnings")
    ImportDocument get(@PathVariable String id) {
        ImportSummary summary;
        try {
            summary = queries.find(new ImportId(UUID.fromString(id))).orElseThrow(() -> new NoSuchElementException("No such import"));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("No such import");
        }
        return new ImportDocument(summary.id().toString(), summary.status().name(), summary.fileName(),
                summary.listName(), summary.total(), summary.created(), summary.updated(), summary.rejected(),
                issues(summary.errors()), issues(summary.warnings()), summary.failure());
    }

    private static List<Issue> issues(List<ImportIssue> issues) {
        return issues.stream().map(i -> new Issue(i.line(), i.reason(), i.column(), i.value())).toList();
    }
}
