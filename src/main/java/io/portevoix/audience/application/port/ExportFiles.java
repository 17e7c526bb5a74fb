package io.portevoix.audience.application.port;

import io.portevoix.audience.ExportId;
import io.portevoix.shared.AccountId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Where finished exports are kept until they are downloaded (a folder per account). */
public interface ExportFiles {

    /** A stream that replaces the export's file when closed without error. */
    OutputStream write(AccountId account, ExportId id) throws IOException;

    /** The export's file, or null when there is none. */
    InputStream read(AccountId account, ExportId id) throws IOException;
}
