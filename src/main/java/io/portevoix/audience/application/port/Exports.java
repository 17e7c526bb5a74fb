package io.portevoix.audience.application.port;

import io.portevoix.audience.CsvFormat;
import io.portevoix.audience.ExportId;
import io.portevoix.audience.ExportStatus;
import io.portevoix.audience.ExportSummary;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Background exports of an account: what to export, and where each one is. */
public interface Exports {

    /** What an export was asked for. */
    record ExportRequest(ExportId id, String name, Object criteria, List<String> columns, CsvFormat format,
            String createdBy, Instant createdAt) {
    }

    void insert(AccountId account, ExportRequest request);

    Optional<ExportRequest> request(AccountId account, ExportId id);

    void progress(AccountId account, ExportId id, ExportStatus status, long total, long written,
            @Nullable Instant finishedAt, @Nullable String failure);

    Optional<ExportSummary> find(AccountId account, ExportId id);

    List<ExportSummary> list(AccountId account);
}
