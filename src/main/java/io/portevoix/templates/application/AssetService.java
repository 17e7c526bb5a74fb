package io.portevoix.templates.application;

import io.portevoix.shared.AccountId;
import io.portevoix.shared.Sha256;
import io.portevoix.templates.AssetId;
import io.portevoix.templates.AssetSummary;
import io.portevoix.templates.ImageAsset;
import io.portevoix.templates.TemplateAssets;
import io.portevoix.templates.application.port.AssetStorage;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class AssetService implements TemplateAssets {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final AssetStorage storage;
    private final TemplatesSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    AssetService(AssetStorage storage, TemplatesSettings settings, AuditLog audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.storage = storage;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** What an upload turned out to be. */
    record Image(String contentType, int width, int height) {
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public AssetSummary upload(String fileName, byte[] content) {
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new IllegalArgumentException("An image must be between 1 byte and 5 MB");
        }
        Image image = inspect(content);
        String name = fileName == null || fileName.isBlank() ? "image" : fileName.strip();
        name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        AccountId account = TenantContext.requireAccount();
        AssetStorage.StoredAsset asset = new AssetStorage.StoredAsset(new AssetId(UUID.randomUUID()), name,
                image.contentType(), content.length, image.width(), image.height(), clock.instant());
        storage.store(account, asset, Sha256.hex(content), content,
                TenantContext.currentActor().map(Actor::displayName).orElse("system"));
        audit.record("asset.upload", name, image.width() + "×" + image.height());
        return summary(account, asset);
    }

    /** The image's real type from its first bytes (never the file name or the browser's word) and its size. */
    static Image inspect(byte[] content) {
        String type;
        if (startsWith(content, 0x89, 'P', 'N', 'G')) {
            type = "image/png";
        } else if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            type = "image/jpeg";
        } else if (startsWith(content, 'G', 'I', 'F', '8')) {
            type = "image/gif";
        } else {
            throw new IllegalArgumentException("Only PNG, JPEG and GIF images are accepted (what every mail client shows)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("This image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new Image(type, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalArgumentException("This image cannot be read: it looks damaged");
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public List<AssetSummary> list() {
        AccountId account = TenantContext.requireAccount();
        return storage.list(account).stream().map(asset -> summary(account, asset)).toList();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public void delete(AssetId id) {
        if (!storage.delete(TenantContext.requireAccount(), id)) {
            throw new NoSuchElementException("No such image");
        }
        audit.record("asset.delete", id.toString(), "");
    }

    @Override
    public Optional<ImageAsset> publicImage(AccountId account, AssetId id) {
        return TenantContext.callAs(account, () -> readOnly.execute(status -> storage.load(account, id)));
    }

    private AssetSummary summary(AccountId account, AssetStorage.StoredAsset asset) {
        return new AssetSummary(asset.id(), asset.fileName(), asset.contentType(), asset.size(), asset.width(),
                asset.height(), settings.publicUrl() + "/public/assets/" + account + "/" + asset.id(), asset.createdAt());
    }
}
