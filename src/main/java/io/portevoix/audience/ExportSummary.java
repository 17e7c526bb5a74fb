package io.portevoix.audience;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A background export: its progress ({@code written} of {@code total} contacts) and when it finished. */
public record ExportSummary(ExportId id, String name, CsvFormat format, ExportStatus status, long total, long written,
        String createdBy, Instant createdAt, @Nullable Instant finishedAt) {
}
