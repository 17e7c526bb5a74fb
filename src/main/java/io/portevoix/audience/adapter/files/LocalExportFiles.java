package io.portevoix.audience.adapter.files;

import io.portevoix.audience.ExportId;
import io.portevoix.audience.application.port.ExportFiles;
import io.portevoix.shared.AccountId;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Export files in a local folder ({@code portevoix.audience.export-dir}, by default under the
 * system's temporary folder), one sub-folder per account. A file is written beside its final name
 * and moved into place when complete, so a download never sees half a file.
 */
@Component
class LocalExportFiles implements ExportFiles {

    private final Path root;

    LocalExportFiles(@Value("${portevoix.audience.export-dir:${java.io.tmpdir}/porte-voix/exports}") String root) {
        this.root = Path.of(root);
    }

    private Path file(AccountId account, ExportId id) {
        return root.resolve(account.toString()).resolve(id + ".csv");
    }

    @Override
    public OutputStream write(AccountId account, ExportId id) throws IOException {
        Path target = file(account, id);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(id + ".csv.part");
        OutputStream out = Files.newOutputStream(partial);
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                super.close();
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        };
    }

    @Override
    public InputStream read(AccountId account, ExportId id) throws IOException {
        Path file = file(account, id);
        return Files.exists(file) ? Files.newInputStream(file) : null;
    }
}
