package io.portevoix.audience.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
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
import io.portevoix.audience.application.port.Contacts;
import io.portevoix.audience.application.port.ImportScheduler;
import io.portevoix.audience.application.port.Imports;
import io.portevoix.audience.application.port.TabularFiles;
import io.portevoix.audience.domain.ContactBatch;
import io.portevoix.audience.domain.ContactChanges;
import io.portevoix.audience.domain.ImportFields;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports run in the background in chunks of {@value #CHUNK} records, each chunk in its own
 * transaction with the counters saved alongside, so progress is visible and a retried import
 * (after a crash) starts over idempotently: upserts on the uniqueness key change nothing twice.
 * Lines are read and validated one by one on a second thread, a chunk ahead; each chunk then reads
 * the stored contacts of its keys in one query and writes its contacts, consent changes and
 * members in one statement each.
 */
@Service
class ImportService implements ImportCommands, ImportQueries {

    static final int CHUNK = 5_000;
    static final int MAX_ISSUES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final Imports imports;
    private final TabularFiles files;
    private final ImportScheduler scheduler;
    private final ContactService contacts;
    private final Contacts store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportService(Imports imports, TabularFiles files, ImportScheduler scheduler, ContactService contacts,
            Contacts store, AuditLog audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.imports = imports;
        this.files = files;
        this.scheduler = scheduler;
        this.contacts = contacts;
        this.store = store;
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
        Run run = new Run(stored, contacts.upserts());
        BlockingQueue<Object> read = new ArrayBlockingQueue<>(1);
        Thread reader = startReader(account, run, read);
        try {
            long waited = System.nanoTime();
            Object next = read.take();
            while (next instanceof Chunk chunk) {
                run.phases.add(Phase.WAIT_FOR_READER, waited);
                if (chunk.records > 0 || run.total == 0) {
                    flush(account, run, chunk);
                }
                waited = System.nanoTime();
                next = read.take();
            }
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            TabularFiles.Shape shape = (TabularFiles.Shape) next;
            long finishing = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                saveProgress(account, run, 0);
                imports.finish(account, id, clock.instant());
            });
            run.phases.add(Phase.PROGRESS, finishing);
            LOG.info("Import {} of {}: {} records, {} created, {} updated, {} rejected ({} {}); seconds spent {}", id,
                    stored.fileName(), run.total, run.created, run.updated, run.rejected, shape.encoding(),
                    shape.separator(), run.phases);
        } catch (RuntimeException e) {
            LOG.warn("Import {} failed", id, e);
            transactions.executeWithoutResult(status -> imports.fail(account, id, e.getMessage(), clock.instant()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transactions.executeWithoutResult(status -> imports.fail(account, id, "Interrupted", clock.instant()));
        } finally {
            reader.interrupt();
        }
    }

    /**
     * Reads and validates the file's lines on a second thread, a chunk ahead of the writes (on two
     * cores, parsing and PostgreSQL then work at the same time), for the same account and actor.
     * It hands over chunks, then the file's shape, or the failure that stopped it.
     */
    private Thread startReader(AccountId account, Run run, BlockingQueue<Object> read) {
        Imports.Stored stored = run.stored;
        SecurityContext security = SecurityContextHolder.getContext();
        return Thread.ofPlatform().name("import-reader").daemon().start(() -> {
            SecurityContextHolder.setContext(security);
            try {
                TenantContext.runAs(account, () -> {
                    Reading reading = new Reading(stored, files.shape(stored.fileName(), stored.content()).headers(),
                            run.upserts);
                    Chunk[] chunk = {new Chunk(clock.instant())};
                    TabularFiles.Shape shape = files.read(stored.fileName(), stored.content(), row -> {
                        chunk[0].add(reading.line(row, chunk[0]));
                        if (chunk[0].records == CHUNK) {
                            hand(read, chunk[0]);
                            chunk[0] = new Chunk(clock.instant());
                        }
                    });
                    hand(read, chunk[0]);
                    hand(read, shape);
                });
            } catch (Throwable e) {
                read.clear();
                read.offer(e instanceof RuntimeException failure ? failure : new IllegalStateException(e));
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    private static void hand(BlockingQueue<Object> read, Object next) {
        try {
            read.put(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The import stopped", e);
        }
    }

    /** Where an import stands while it runs (its counters are the writing thread's alone). */
    private static final class Run {
        final Imports.Stored stored;
        final ContactUpserts upserts;
        final Phases phases = new Phases();
        int total;
        int created;
        int updated;
        int rejected;
        int warningsKept;
        /** Issues found but not saved yet: they are saved in bulk, not rewritten with every chunk. */
        final List<ImportIssue> pendingErrors = new ArrayList<>();
        final List<ImportIssue> pendingWarnings = new ArrayList<>();

        Run(Imports.Stored stored, ContactUpserts upserts) {
            this.stored = stored;
            this.upserts = upserts;
        }
    }

    /** What reading the lines of an import needs, resolved once. */
    private static final class Reading {
        final List<String> headers;
        final List<String> targets;
        final ContactUpserts upserts;

        Reading(Imports.Stored stored, List<String> headers, ContactUpserts upserts) {
            this.headers = headers;
            this.targets = headers.stream().map(header -> stored.mapping().containsKey(header)
                    ? stored.mapping().get(header) : ImportFields.guess(header).orElse(ImportFields.IGNORE)).toList();
            this.upserts = upserts;
        }

        /**
         * Reads a line into an input; an invalid non-key field is left out with a warning, a line
         * without a valid key rejected (null).
         */
        @Nullable Line line(TabularFiles.Row row, Chunk chunk) {
            ImportFields.Row values = new ImportFields.Row();
            for (int i = 0; i < row.cells().size() && i < targets.size(); i++) {
                values.put(targets.get(i), headers.get(i), row.cells().get(i));
            }
            for (String[] warning : values.warnings()) {
                chunk.warnings.add(new ImportIssue(row.line(), warning[0], warning[1], warning[2]));
            }
            Map<ContactField, Object> fields = new LinkedHashMap<>(values.values());
            while (true) {
                ContactInput input = input(fields, values);
                try {
                    ContactChanges.Result candidate = upserts.create(input, chunk.readAt);
                    String key = upserts.keyOf(candidate);
                    if (key == null) {
                        chunk.reject(row.line(), "", "", "Missing or invalid " + upserts.keyField()
                                + " (the account's uniqueness key)");
                        return null;
                    }
                    return new Line(row.line(), key, input, candidate, fields, values);
                } catch (InvalidInputException invalid) {
                    String keyField = upserts.keyField();
                    Optional<InvalidInputException.FieldError> keyError = invalid.errors().stream()
                            .filter(e -> e.field().equals(keyField)).findFirst();
                    if (keyError.isPresent()) {
                        ContactField key = ContactChanges.fieldOf(keyField);
                        chunk.reject(row.line(), key == null ? keyField : values.column(key),
                                String.valueOf(fields.get(key)), keyError.get().message());
                        return null;
                    }
                    boolean removed = false;
                    for (InvalidInputException.FieldError error : invalid.errors()) {
                        ContactField field = ContactChanges.fieldOf(error.field());
                        String attribute = error.field().startsWith("attributes.") ? error.field().substring(11) : null;
                        if (attribute != null && values.attributes().containsKey(attribute)) {
                            // a custom field whose value does not fit its type: the line goes in without it
                            chunk.warnings.add(new ImportIssue(row.line(), error.field(),
                                    String.valueOf(values.attributes().get(attribute)), error.message() + ": left unchanged"));
                            values.attributes().remove(attribute);
                            removed = true;
                        } else if (field != null && fields.containsKey(field)) {
                            chunk.warnings.add(new ImportIssue(row.line(), values.column(field),
                                    String.valueOf(fields.get(field)), error.message() + ": left unchanged"));
                            fields.remove(field);
                            removed = true;
                        }
                    }
                    if (!removed) {
                        chunk.reject(row.line(), "", "", invalid.getMessage());
                        return null;
                    }
                }
            }
        }
    }

    /** Up to {@value #CHUNK} records read: the lines with a key, and the rejections and warnings found so far. */
    private static final class Chunk {
        final Instant readAt;
        int records;
        final List<Line> lines = new ArrayList<>(CHUNK);
        final List<ImportIssue> errors = new ArrayList<>();
        final List<ImportIssue> warnings = new ArrayList<>();

        Chunk(Instant readAt) {
            this.readAt = readAt;
        }

        void add(@Nullable Line line) {
            records++;
            if (line != null) {
                lines.add(line);
            }
        }

        void reject(long line, String column, @Nullable String value, String reason) {
            errors.add(new ImportIssue(line, column, value == null || "null".equals(value) ? "" : value, reason));
        }
    }

    /** A line read and validated, with the value of its uniqueness key. */
    private record Line(long number, String key, ContactInput input, ContactChanges.Result candidate,
            Map<ContactField, Object> fields, ImportFields.Row values) {
    }

    /**
     * One chunk in one transaction: the stored contacts of its keys fetched at once, its lines
     * applied in file order to a batch (a key repeated in the chunk updates the state its earlier
     * line left), then the batch written in a few statements with the counters and new issues.
     */
    private void flush(AccountId account, Run run, Chunk chunk) {
        transactions.executeWithoutResult(status -> {
            imports.commitWithoutWaitingForDisk();
            Instant now = clock.instant();
            long start = System.nanoTime();
            Map<String, ContactDetails> stored = store.findByUniqueKeys(account,
                    chunk.lines.stream().map(Line::key).collect(Collectors.toSet()));
            Set<ContactId> ours = run.stored.updateExisting() ? Set.of()
                    : imports.members(account, run.stored.id(), stored.values().stream().map(ContactDetails::id).toList());
            start = run.phases.add(Phase.FIND_STORED, start);
            ContactBatch batch = new ContactBatch();
            for (Line line : chunk.lines) {
                apply(run, line, chunk, batch, stored, ours, now);
            }
            start = run.phases.add(Phase.APPLY, start);
            start = write(account, run, batch, now, start);
            List<ImportIssue> warnings = chunk.warnings.subList(0,
                    Math.min(chunk.warnings.size(), MAX_ISSUES - run.warningsKept));
            run.total += chunk.records;
            run.rejected += chunk.errors.size();
            run.pendingErrors.addAll(chunk.errors);
            run.pendingWarnings.addAll(warnings);
            run.warningsKept += warnings.size();
            saveProgress(account, run, PENDING_ISSUES);
            run.phases.add(Phase.PROGRESS, start);
        });
    }

    /** Issues kept in memory before they are saved (a retried import starts over, so none is lost). */
    static final int PENDING_ISSUES = 2_000;

    /**
     * Saves the counters (the progress bar reads them), and the pending issues once there are more
     * than {@code threshold}: appending to the import's issue lists rewrites them whole, so doing it
     * for every chunk would rewrite them hundreds of times in a large import.
     */
    private void saveProgress(AccountId account, Run run, int threshold) {
        boolean withIssues = run.pendingErrors.size() + run.pendingWarnings.size() > threshold;
        imports.progress(account, run.stored.id(), run.total, run.created, run.updated, run.rejected,
                withIssues ? run.pendingErrors : List.of(), withIssues ? run.pendingWarnings : List.of());
        if (withIssues) {
            run.pendingErrors.clear();
            run.pendingWarnings.clear();
        }
    }

    /** Where the writing thread spends an import's time, logged when it ends. */
    private enum Phase { WAIT_FOR_READER, FIND_STORED, APPLY, WRITE_CONTACTS, WRITE_CONSENTS, WRITE_MEMBERS, PROGRESS }

    private static final class Phases {
        private final long[] nanos = new long[Phase.values().length];

        /** Adds the time since {@code start} to the phase; returns now, where the next phase starts. */
        long add(Phase phase, long start) {
            long now = System.nanoTime();
            nanos[phase.ordinal()] += now - start;
            return now;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Phase phase : Phase.values()) {
                text.append(text.isEmpty() ? "" : ", ").append(phase.name().toLowerCase(java.util.Locale.ROOT))
                        .append(String.format(java.util.Locale.ROOT, " %.1f", nanos[phase.ordinal()] / 1e9));
            }
            return text.toString();
        }
    }

    /**
     * Applies a line as the one-contact upsert would: to the state an earlier line of the chunk
     * left, else to the stored contact, else as a new contact (with the import's default consents).
     * When the import does not update existing contacts, a stored one is rejected unless this
     * import wrote it (an earlier chunk, or an earlier attempt of a retried import).
     */
    private static void apply(Run run, Line line, Chunk chunk, ContactBatch batch, Map<String, ContactDetails> stored,
            Set<ContactId> ours, Instant now) {
        ContactDetails current = batch.current(line.key());
        if (current == null) {
            current = stored.get(line.key());
            if (current == null) {
                Map<Channel, Map<BroadcastType, Boolean>> defaults = run.stored.defaultConsents();
                batch.add(line.key(), defaults.isEmpty() ? line.candidate()
                        : run.upserts.create(withDefaultConsents(line.fields(), line.values(), defaults), now), true);
                run.created++;
                return;
            }
            if (!run.stored.updateExisting() && !ours.contains(current.id())) {
                chunk.reject(line.number(), "", line.key(), "Already exists and the import does not update existing contacts");
                return;
            }
        }
        batch.add(line.key(), run.upserts.update(current, line.input(), now), false);
        run.updated++;
    }

    /**
     * Writes the batch: its new and changed contacts, their consent changes, and every contact as
     * a member of the import; returns when it ended (the phases timed from {@code start}).
     */
    private long write(AccountId account, Run run, ContactBatch batch, Instant now, long start) {
        Map<String, ContactId> written = store.upsert(account, batch.toWrite());
        start = run.phases.add(Phase.WRITE_CONTACTS, start);
        Map<ContactId, List<ContactChanges.ConsentToggle>> consentChanges = new LinkedHashMap<>();
        List<ContactId> members = new ArrayList<>();
        for (ContactBatch.Entry entry : batch.entries()) {
            ContactId id = written.getOrDefault(entry.uniqueKey(), entry.contact().id());
            members.add(id);
            if (!entry.consentChanges().isEmpty()) {
                consentChanges.put(id, entry.consentChanges());
            }
        }
        store.appendConsentChanges(account, consentChanges, run.stored.consentSource(), ContactService.actor(), now);
        start = run.phases.add(Phase.WRITE_CONSENTS, start);
        imports.addMembers(account, run.stored.id(), members);
        return run.phases.add(Phase.WRITE_MEMBERS, start);
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
