package io.portevoix.audience.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ImportCommands;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.ImportIssue;
import io.portevoix.audience.ImportPreview;
import io.portevoix.audience.ImportQueries;
import io.portevoix.audience.ImportSummary;
import io.portevoix.audience.MappingPreset;
import io.portevoix.audience.StartImport;
import io.portevoix.audience.UpsertResult;
import io.portevoix.audience.application.port.ImportScheduler;
import io.portevoix.audience.application.port.Imports;
import io.portevoix.audience.application.port.TabularFiles;
import io.portevoix.audience.domain.ContactChanges;
import io.portevoix.audience.domain.ImportFields;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports run in the background in chunks of {@value #CHUNK} records, each chunk in its own
 * transaction with the counters saved alongside, so progress is visible and a retried import
 * (after a crash) starts over idempotently: upserts on the uniqueness key change nothing twice.
 */
@Service
class ImportService implements ImportCommands, ImportQueries {

    static final int CHUNK = 500;
    static final int MAX_ISSUES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final Imports imports;
    private final TabularFiles files;
    private final ImportScheduler scheduler;
    private final ContactService contacts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportService(Imports imports, TabularFiles files, ImportScheduler scheduler, ContactService contacts,
            AuditLog audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.imports = imports;
        this.files = files;
        this.scheduler = scheduler;
        this.contacts = contacts;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public ImportId start(StartImport command) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        command.mapping().forEach((column, target) -> {
            if (!ImportFields.isValidTarget(target)) {
                errors.add(new InvalidInputException.FieldError("mapping." + column, "Unknown field: " + target));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        TabularFiles.Shape shape = files.shape(command.fileName(), command.content());
        if (shape.headers().isEmpty()) {
            throw InvalidInputException.of("file", "The file has no header line");
        }
        AccountId account = TenantContext.requireAccount();
        ImportId id = ImportId.random();
        String actor = TenantContext.currentActor().map(Actor::displayName).orElse("system");
        imports.insert(account, id, command, actor, clock.instant());
        audit.record("contacts.import", command.fileName(), command.content().length + " bytes");
        scheduler.schedule(account, id);
        return id;
    }

    @Override
    public void process(ImportId id) {
        AccountId account = TenantContext.requireAccount();
        Imports.Stored stored = transactions.execute(status -> imports.stored(account, id)).orElseThrow(
                () -> new NoSuchElementException("No such import"));
        transactions.executeWithoutResult(status -> imports.start(account, id));
        Counters counters = new Counters();
        counters.headers = files.shape(stored.fileName(), stored.content()).headers();
        List<TabularFiles.Row> chunk = new ArrayList<>();
        try {
            TabularFiles.Shape shape = files.read(stored.fileName(), stored.content(), row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    flush(account, stored, counters, chunk);
                }
            });
            if (!chunk.isEmpty() || counters.total == 0) {
                flush(account, stored, counters, chunk);
            }
            transactions.executeWithoutResult(status -> imports.finish(account, id, clock.instant()));
            LOG.info("Import {} of {}: {} records, {} created, {} updated, {} rejected ({} {})", id, stored.fileName(),
                    counters.total, counters.created, counters.updated, counters.rejected, shape.encoding(),
                    shape.separator());
        } catch (RuntimeException e) {
            LOG.warn("Import {} failed", id, e);
            transactions.executeWithoutResult(status -> imports.fail(account, id, e.getMessage(), clock.instant()));
        }
    }

    /** Where an import stands while it runs. */
    private static final class Counters {
        int total;
        int created;
        int updated;
        int rejected;
        final List<ImportIssue> errors = new ArrayList<>();
        final List<ImportIssue> warnings = new ArrayList<>();
        final Set<String> seenKeys = new HashSet<>();
        List<String> headers = List.of();
    }

    private void flush(AccountId account, Imports.Stored stored, Counters counters, List<TabularFiles.Row> rows) {
        transactions.executeWithoutResult(status -> {
            List<ContactId> touched = new ArrayList<>();
            for (TabularFiles.Row row : rows) {
                importRow(stored, counters, row, touched);
            }
            imports.addMembers(account, stored.id(), touched);
            imports.progress(account, stored.id(), counters.total, counters.created, counters.updated,
                    counters.rejected, counters.errors, counters.warnings);
        });
        rows.clear();
    }

    private void importRow(Imports.Stored stored, Counters counters, TabularFiles.Row row, List<ContactId> touched) {
        counters.total++;
        List<String> headers = counters.headers;
        ImportFields.Row values = new ImportFields.Row();
        for (int i = 0; i < row.cells().size() && i < headers.size(); i++) {
            String header = headers.get(i);
            String target = stored.mapping().containsKey(header) ? stored.mapping().get(header)
                    : ImportFields.guess(header).orElse(ImportFields.IGNORE);
            values.put(target, header, row.cells().get(i));
        }
        for (String[] warning : values.warnings()) {
            issue(counters.warnings, new ImportIssue(row.line(), warning[0], warning[1], warning[2]));
        }
        Map<ContactField, Object> fields = new LinkedHashMap<>(values.values());
        while (true) {
            ContactInput input = input(fields, values);
            try {
                Optional<String> key = contacts.uniqueKeyOf(input);
                if (key.isEmpty()) {
                    reject(counters, row, "", "", "Missing or invalid " + contacts.uniquenessKeyField()
                            + " (the account's uniqueness key)");
                    return;
                }
                boolean seen = !counters.seenKeys.add(key.get());
                boolean needExistence = !stored.updateExisting() || !stored.defaultConsents().isEmpty();
                boolean exists = needExistence && contacts.existsWithKey(key.get());
                if (!stored.updateExisting() && !seen && exists) {
                    reject(counters, row, "", key.get(), "Already exists and the import does not update existing contacts");
                    return;
                }
                if (needExistence && !exists && !stored.defaultConsents().isEmpty()) {
                    input = withDefaultConsents(fields, values, stored.defaultConsents());
                }
                UpsertResult result = contacts.upsert(input, stored.consentSource());
                touched.add(result.contact().id());
                if (result.created()) {
                    counters.created++;
                } else {
                    counters.updated++;
                }
                return;
            } catch (InvalidInputException invalid) {
                String keyField = contacts.uniquenessKeyField();
                Optional<InvalidInputException.FieldError> keyError = invalid.errors().stream()
                        .filter(e -> e.field().equals(keyField)).findFirst();
                if (keyError.isPresent()) {
                    ContactField key = ContactChanges.fieldOf(keyField);
                    reject(counters, row, key == null ? keyField : values.column(key), String.valueOf(fields.get(key)),
                            keyError.get().message());
                    return;
                }
                boolean removed = false;
                for (InvalidInputException.FieldError error : invalid.errors()) {
                    ContactField field = ContactChanges.fieldOf(error.field());
                    if (field != null && fields.containsKey(field)) {
                        issue(counters.warnings, new ImportIssue(row.line(), values.column(field),
                                String.valueOf(fields.get(field)), error.message() + ": left unchanged"));
                        fields.remove(field);
                        removed = true;
                    }
                }
                if (!removed) {
                    reject(counters, row, "", "", invalid.getMessage());
                    return;
                }
            }
        }
    }

    private static ContactInput input(Map<ContactField, Object> fields, ImportFields.Row values) {
        ContactInput.Builder builder = ContactInput.builder();
        fields.forEach(builder::set);
        if (!values.consents().isEmpty()) {
            builder.set(ContactField.CONSENTS, values.consents());
        }
        if (!values.attributes().isEmpty()) {
            builder.set(ContactField.ATTRIBUTES, values.attributes());
        }
        return builder.build();
    }

    /** The record with the import's default consents for what the file itself says nothing of. */
    private static ContactInput withDefaultConsents(Map<ContactField, Object> fields, ImportFields.Row values,
            Map<Channel, Map<BroadcastType, Boolean>> defaults) {
        Map<Channel, Map<BroadcastType, Boolean>> consents = new EnumMap<>(Channel.class);
        defaults.forEach((channel, types) -> consents.put(channel, new EnumMap<>(types)));
        values.consents().forEach((channel, types) -> consents.computeIfAbsent(channel, c -> new EnumMap<>(BroadcastType.class))
                .putAll(types));
        ContactInput.Builder builder = ContactInput.builder();
        fields.forEach(builder::set);
        builder.set(ContactField.CONSENTS, consents);
        if (!values.attributes().isEmpty()) {
            builder.set(ContactField.ATTRIBUTES, values.attributes());
        }
        return builder.build();
    }

    private static void reject(Counters counters, TabularFiles.Row row, String column, String value, String reason) {
        counters.rejected++;
        counters.errors.add(new ImportIssue(row.line(), column, value == null || "null".equals(value) ? "" : value,
                reason));
    }

    private static void issue(List<ImportIssue> issues, ImportIssue issue) {
        if (issues.size() < MAX_ISSUES) {
            issues.add(issue);
        }
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public Optional<ImportSummary> find(ImportId id) {
        return imports.find(TenantContext.requireAccount(), id);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<ImportSummary> recent() {
        return imports.recent(TenantContext.requireAccount(), 50);
    }

    @Override
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public ImportPreview preview(String fileName, byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        int[] records = {0};
        TabularFiles.Shape shape = files.read(fileName, content, row -> {
            records[0]++;
            if (rows.size() < 5) {
                rows.add(row.cells());
            }
        });
        Map<String, String> guessed = new LinkedHashMap<>();
        shape.headers().forEach(h -> guessed.put(h, ImportFields.guess(h).orElse(ImportFields.IGNORE)));
        return new ImportPreview(shape.headers(), rows, records[0], guessed, shape.encoding(), shape.separator());
    }

    @Override
    public List<String> mappableFields() {
        return ImportFields.mappable();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public MappingPreset savePreset(String name, Map<String, String> mapping) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > 100) {
            throw InvalidInputException.of("name", "A mapping needs a name of at most 100 characters");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        mapping.forEach((header, field) -> {
            String target = field == null ? "" : field.strip();
            if (!target.isEmpty() && !ImportFields.IGNORE.equals(target)) {
                if (!ImportFields.mappable().contains(target) && !target.startsWith("attributes.")) {
                    throw InvalidInputException.of("mapping", "Unknown field " + target + " for column " + header);
                }
                kept.put(header.strip(), target);
            }
        });
        if (kept.isEmpty()) {
            throw InvalidInputException.of("mapping", "A mapping needs at least one mapped column");
        }
        MappingPreset preset = new MappingPreset(title, kept,
                TenantContext.currentActor().map(io.portevoix.tenancy.Actor::displayName).orElse("system"), clock.instant());
        imports.savePreset(TenantContext.requireAccount(), preset);
        audit.record("import.preset.save", title, kept.size() + " columns");
        return preset;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public void deletePreset(String name) {
        if (imports.deletePreset(TenantContext.requireAccount(), name)) {
            audit.record("import.preset.delete", name, "");
        }
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<MappingPreset> presets() {
        return imports.presets(TenantContext.requireAccount());
    }
}
