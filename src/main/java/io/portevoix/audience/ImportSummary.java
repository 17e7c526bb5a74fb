package io.portevoix.audience;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import and its outcome. Every data record is accounted for:
 * {@code total = created + updated + rejected}, with exactly one error per rejected record.
 */
public record ImportSummary(ImportId id, ImportStatus status, String fileName, String listName, boolean updateExisting,
        int total, int created, int updated, int rejected, List<ImportIssue> errors, List<ImportIssue> warnings,
        @Nullable String failure, String createdBy, Instant createdAt, @Nullable Instant finishedAt) {
}
