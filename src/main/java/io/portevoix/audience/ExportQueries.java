package io.portevoix.audience;

import io.portevoix.shared.PageSpec;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Browsing the contacts matching criteria with chosen columns, and the account's background exports. */
@PrimaryPort
public interface ExportQueries {

    /** The columns an export or the result grid can show, as field names of the criteria grammar. */
    List<String> columns();

    /** A page of the contacts matching the criteria, sorted by name. */
    List<ContactDetails> members(Object criteria, PageSpec page);

    /** One value of a contact as an export in {@code format} writes it. */
    String value(ContactDetails contact, String column, CsvFormat format);

    List<ExportSummary> exports();

    Optional<ExportSummary> find(ExportId id);

    /** Copies a finished export's file to {@code out}; false when there is no such finished export. */
    boolean download(ExportId id, OutputStream out);
}
