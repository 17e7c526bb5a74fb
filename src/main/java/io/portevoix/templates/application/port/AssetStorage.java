package io.portevoix.templates.application.port;

import io.portevoix.shared.AccountId;
import io.portevoix.templates.AssetId;
import io.portevoix.templates.ImageAsset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the image library keeps its files. The PostgreSQL adapter keeps them beside the rest of
 * the account's data (one backup, row-level security); an object-store adapter implements the
 * same four methods.
 */
public interface AssetStorage {

    /** A stored image's metadata. */
    record StoredAsset(AssetId id, String fileName, String contentType, long size, int width, int height,
            Instant createdAt) {
    }

    void store(AccountId account, StoredAsset asset, String sha256, byte[] content, String createdBy);

    List<StoredAsset> list(AccountId account);

    Optional<ImageAsset> load(AccountId account, AssetId id);

    boolean delete(AccountId account, AssetId id);
}
