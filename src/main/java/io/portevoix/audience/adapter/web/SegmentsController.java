package io.portevoix.audience.adapter.web;

import io.portevoix.audience.SegmentCommands;
import io.portevoix.audience.SegmentDetails;
import io.portevoix.audience.SegmentId;
import io.portevoix.audience.SegmentQueries;
import io.portevoix.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/segments", produces = "application/json")
@Tag(name = "Segments", description = "Saved criteria and counts of the contacts that match them")
class SegmentsController {

    private final SegmentCommands commands;
    private final SegmentQueries queries;

    SegmentsController(SegmentCommands commands, SegmentQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A segment as the API shows it. */
    record SegmentDocument(String id, String name, Object criteria, String createdBy, Instant createdAt,
            Instant updatedAt) {
    }

    /** A count. */
    record Count(long count) {
    }

    private static SegmentDocument document(SegmentDetails s) {
        return new SegmentDocument(s.id().toString(), s.name(), s.criteria(), s.createdBy(), s.createdAt(), s.updatedAt());
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a segment {name, criteria}")
    SegmentDocument create(@RequestBody Map<String, Object> body) {
        Object name = body.get("name");
        if (!(name instanceof String text)) {
            throw InvalidInputException.of("name", "A segment needs a name");
        }
        return document(commands.create(text, body.get("criteria")));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One segment")
    SegmentDocument get(@PathVariable String id) {
        return document(queries.find(id(id)).orElseThrow(() -> new NoSuchElementException("No such segment")));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Rename a segment and replace its criteria {name, criteria}")
    SegmentDocument update(@PathVariable String id, @RequestBody Map<String, Object> body) {
        Object name = body.get("name");
        if (!(name instanceof String text)) {
            throw InvalidInputException.of("name", "A segment needs a name");
        }
        return document(commands.update(id(id), text, body.get("criteria")));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a saved segment")
    void delete(@PathVariable String id) {
        commands.delete(id(id));
    }

    @PostMapping(path = "/count", consumes = "application/json")
    @Operation(summary = "Count the contacts matching criteria {criteria}")
    Count count(@RequestBody Map<String, Object> body) {
        return new Count(queries.count(body.get("criteria")));
    }

    @GetMapping("/{id}/count")
    @Operation(summary = "Count the contacts of a saved segment")
    Count count(@PathVariable String id) {
        return new Count(queries.count(id(id)));
    }

    private static SegmentId id(String id) {
        try {
            return new SegmentId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("No such segment");
        }
    }
}
