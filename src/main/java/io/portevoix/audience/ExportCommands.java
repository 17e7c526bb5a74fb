package io.portevoix.audience;

import java.io.OutputStream;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Exports the contacts matching criteria as CSV: streamed straight to the caller for a small
 * result, or written in the background (a job) for a large one. Both read the database with a
 * cursor, so memory stays flat whatever the number of contacts. Every export is audited.
 */
@PrimaryPort
public interface ExportCommands {

    /** Writes the matching contacts to {@code out} now; returns the number of contacts written. */
    long export(Object criteria, List<String> columns, CsvFormat format, OutputStream out);

    /** Starts a background export; its file is downloadable once {@link ExportStatus#DONE}. */
    ExportId startExport(String name, Object criteria, List<String> columns, CsvFormat format);

    /** Runs a started export (called by its job). */
    void process(ExportId id);
}
