package io.portevoix.audience.adapter.web;

import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.UpsertResult;
import io.portevoix.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/contacts", produces = "application/json")
@Tag(name = "Contacts", description = "The account's members: create or update, read, search, erase (GDPR)")
class ContactsController {

    private final ContactCommands commands;
    private final ContactQueries queries;

    ContactsController(ContactCommands commands, ContactQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A list response. */
    record Items(List<ContactJson.ContactDocument> items) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create or update a contact (upsert on the account's uniqueness key; absent fields unchanged)")
    ResponseEntity<ContactJson.ContactDocument> upsert(@RequestBody JsonNode body) {
        UpsertResult result = commands.upsert(ContactJson.input(body), ConsentSource.API);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ContactJson.document(result.contact()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact")
    ContactJson.ContactDocument get(@PathVariable String id) {
        return ContactJson.document(queries.find(id(id)).orElseThrow(() -> new NoSuchElementException("No such contact")));
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The member's communication history, newest first")
    java.util.Map<String, Object> messages(@PathVariable String id) {
        return java.util.Map.of("items", queries.messages(id(id)).stream().map(m -> {
            java.util.Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("campaignId", m.campaignId());
            item.put("campaignName", m.campaignName());
            item.put("runId", m.runId());
            item.put("channel", m.channel().name());
            item.put("sentAt", m.sentAt());
            item.put("status", m.status());
            item.put("opened", m.opened());
            item.put("clicked", m.clicked());
            return item;
        }).toList());
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change some fields of a contact")
    ContactJson.ContactDocument patch(@PathVariable String id, @RequestBody JsonNode body) {
        return ContactJson.document(commands.update(id(id), ContactJson.input(body), ConsentSource.API));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase a contact (GDPR): personal data removed, aggregate statistics kept")
    ResponseEntity<Void> erase(@PathVariable String id) {
        commands.erase(id(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "Find contacts by e-mail (ignoring case), mobile (any usual form) or external reference")
    Items search(@RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String mobile,
            @RequestParam(required = false) @Nullable String externalRef) {
        List<ContactDetails> found;
        if (email != null) {
            found = queries.findByEmail(email);
        } else if (mobile != null) {
            found = queries.findByMobile(mobile);
        } else if (externalRef != null) {
            found = queries.findByExternalRef(externalRef);
        } else {
            throw InvalidInputException.of("email", "Give one of email, mobile or externalRef");
        }
        return new Items(found.stream().map(ContactJson::document).toList());
    }

    private static ContactId id(String id) {
        try {
            return new ContactId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("No such contact");
        }
    }
}
