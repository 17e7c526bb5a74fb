package io.portevoix.templates;

import io.portevoix.shared.AccountId;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** The account's image library, used by the editor and served to mail clients. */
@PrimaryPort
public interface TemplateAssets {

    /** Stores an image (PNG, JPEG or GIF — what every mail client shows —, at most 5 MB); anything else → IllegalArgumentException. */
    AssetSummary upload(String fileName, byte[] content);

    List<AssetSummary> list();

    void delete(AssetId id);

    /** An image for recipients' mail clients, without login; empty when the ids do not match. */
    Optional<ImageAsset> publicImage(AccountId account, AssetId id);
}
