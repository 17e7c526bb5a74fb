package io.portevoix.audience.application;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.CsvFormat;
import io.portevoix.audience.ExportCommands;
import io.portevoix.audience.ExportId;
import io.portevoix.audience.ExportQueries;
import io.portevoix.audience.ExportStatus;
import io.portevoix.audience.ExportSummary;
import io.portevoix.audience.application.port.ExportFiles;
import io.portevoix.audience.application.port.ExportScheduler;
import io.portevoix.audience.application.port.Exports;
import io.portevoix.audience.application.port.Segments;
import io.portevoix.audience.domain.ContactColumns;
import io.portevoix.audience.domain.Criteria;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class ExportService implements ExportCommands, ExportQueries {

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    /** Progress is written every so many contacts. */
    static final int PROGRESS_EVERY = 5_000;

    private final Segments segments;
    private final Exports exports;
    private final ExportFiles files;
    private final ExportScheduler scheduler;
    private final AccountQueries accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final TransactionTemplate reading;
    private final AttributeService attributes;

    ExportService(Segments segments, Exports exports, ExportFiles files, ExportScheduler scheduler, AccountQueries accounts,
            AuditLog audit, Clock clock, PlatformTransactionManager transactions, AttributeService attributes) {
        this.attributes = attributes;
        this.segments = segments;
        this.exports = exports;
        this.files = files;
        this.scheduler = scheduler;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @Override
    public List<String> columns() {
        return ContactColumns.ALL;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SEGMENTS_GUEST') and hasRole('CONTACTS_GUEST')")
    public List<ContactDetails> members(Object criteria, PageSpec page) {
        ZoneId zone = accounts.current().timeZone();
        return segments.members(TenantContext.requireAccount(), Criteria.parse(criteria, attributes.schema()), LocalDate.now(clock.withZone(zone)),
                zone, page);
    }

    @Override
    public String value(ContactDetails contact, String column, CsvFormat format) {
        return ContactColumns.value(contact, column, format, accounts.current().timeZone());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public long export(Object criteria, List<String> columns, CsvFormat format, OutputStream out) {
        List<String> checked = ContactColumns.checked(columns);
        long written = write(TenantContext.requireAccount(), Criteria.parse(criteria, attributes.schema()), checked, format, out, count -> {
        });
        audit.record("contacts.export", written + " contacts", String.join(",", checked));
        return written;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public ExportId startExport(String name, Object criteria, List<String> columns, CsvFormat format) {
        Criteria.parse(criteria, attributes.schema());
        ExportId id = new ExportId(UUID.randomUUID());
        String title = name == null || name.isBlank() ? "export" : name.strip();
        AccountId account = TenantContext.requireAccount();
        exports.insert(account, new Exports.ExportRequest(id, title.length() > 200 ? title.substring(0, 200) : title,
                criteria, ContactColumns.checked(columns), format,
                TenantContext.currentActor().map(Actor::displayName).orElse("system"), clock.instant()));
        audit.record("contacts.export", title, "background");
        scheduler.schedule(account, id);
        return id;
    }

    @Override
    public void process(ExportId id) {
        AccountId account = TenantContext.requireAccount();
        Exports.ExportRequest request = exports.request(account, id)
                .orElseThrow(() -> new java.util.NoSuchElementException("No such export"));
        ZoneId zone = accounts.current().timeZone();
        Criteria criteria = Criteria.parse(request.criteria(), attributes.schema());
        long total = reading.execute(status -> segments.count(account, criteria, LocalDate.now(clock.withZone(zone)), zone));
        progress(account, id, ExportStatus.RUNNING, total, 0, null, null);
        try (OutputStream out = files.write(account, id)) {
            long written = reading.execute(status -> write(account, criteria, request.columns(), request.format(), out,
                    count -> progress(account, id, ExportStatus.RUNNING, total, count, null, null)));
            progress(account, id, ExportStatus.DONE, total, written, clock.instant(), null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Export {} failed", id, e);
            progress(account, id, ExportStatus.FAILED, total, 0, clock.instant(), "The export could not be written");
        }
    }

    private void progress(AccountId account, ExportId id, ExportStatus status, long total, long written,
            java.time.@Nullable Instant finished, @Nullable String failure) {
        separate.executeWithoutResult(tx -> exports.progress(account, id, status, total, written, finished, failure));
    }

    /** Streams the matching contacts as CSV; {@code progress} is told every {@link #PROGRESS_EVERY} contacts. */
    private long write(AccountId account, Criteria criteria, List<String> columns, CsvFormat format, OutputStream out,
            java.util.function.LongConsumer progress) {
        ZoneId zone = accounts.current().timeZone();
        boolean excel = format == CsvFormat.EXCEL_FR;
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (excel) {
                writer.write('\uFEFF');
            }
            CsvWriter csv = CsvWriter.builder().fieldSeparator(excel ? ';' : ',').lineDelimiter(LineDelimiter.CRLF)
                    .build(writer);
            csv.writeRecord(columns);
            long[] written = {0};
            String[] cells = new String[columns.size()];
            segments.stream(account, criteria, LocalDate.now(clock.withZone(zone)), zone, contact -> {
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = ContactColumns.neutralised(ContactColumns.value(contact, columns.get(i), format, zone));
                }
                csv.writeRecord(cells);
                if (++written[0] % PROGRESS_EVERY == 0) {
                    progress.accept(written[0]);
                }
            });
            csv.flush();
            writer.flush();
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public List<ExportSummary> exports() {
        return exports.list(TenantContext.requireAccount());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public Optional<ExportSummary> find(ExportId id) {
        return exports.find(TenantContext.requireAccount(), id);
    }

    @Override
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public boolean download(ExportId id, OutputStream out) {
        AccountId account = TenantContext.requireAccount();
        Optional<ExportSummary> export = reading.execute(status -> exports.find(account, id));
        if (export.isEmpty() || export.get().status() != ExportStatus.DONE) {
            return false;
        }
        try (InputStream in = files.read(account, id)) {
            if (in == null) {
                return false;
            }
            in.transferTo(out);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
