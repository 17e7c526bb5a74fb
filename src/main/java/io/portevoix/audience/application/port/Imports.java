package io.portevoix.audience.application.port;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ImportId;
import io.portevoix.audience.ImportIssue;
import io.portevoix.audience.ImportSummary;
import io.portevoix.audience.MappingPreset;
import io.portevoix.audience.StartImport;
import io.portevoix.shared.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Imports, their files, counters, issues and the contacts each one touched. */
public interface Imports {

    /** What processing needs of a stored import. */
    record Stored(ImportId id, String fileName, byte[] content, boolean updateExisting, Map<String, String> mapping,
            Map<Channel, Map<BroadcastType, Boolean>> defaultConsents, ConsentSource consentSource) {
    }

    void insert(AccountId account, ImportId id, StartImport command, String createdBy, Instant at);

    Optional<Stored> stored(AccountId account, ImportId id);

    /** Marks the import running and resets its counters (a retried import starts over, idempotently). */
    void start(AccountId account, ImportId id);

    /**
     * Lets the current transaction (one chunk of an import) commit without waiting for its
     * write-ahead log to reach the disk. A database crash can then lose the last chunks committed,
     * but always with the counters saved in the same transactions, and a retried import starts
     * over; the transaction that marks the import done waits as usual, and with it every earlier one.
     */
    void commitWithoutWaitingForDisk();

    /** Saves the counters and appends the issues found since the last call. */
    void progress(AccountId account, ImportId id, int total, int created, int updated, int rejected,
            List<ImportIssue> newErrors, List<ImportIssue> newWarnings);

    /** Adds contacts to the import's list (one statement; contacts already in it stay once). */
    void addMembers(AccountId account, ImportId id, Collection<ContactId> contacts);

    /** Which of these contacts are already in the import's list (written by an earlier attempt of a retried import). */
    Set<ContactId> members(AccountId account, ImportId id, Collection<ContactId> contacts);

    void finish(AccountId account, ImportId id, Instant at);

    void fail(AccountId account, ImportId id, String reason, Instant at);

    Optional<ImportSummary> find(AccountId account, ImportId id);

    List<ImportSummary> recent(AccountId account, int limit);

    void savePreset(AccountId account, MappingPreset preset);

    List<MappingPreset> presets(AccountId account);

    boolean deletePreset(AccountId account, String name);
}
