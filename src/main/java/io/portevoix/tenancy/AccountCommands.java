package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Changes accounts, their sites and branding.
 */
@PrimaryPort
public interface AccountCommands {

    /** Creates an account (platform administrators); publishes {@link AccountCreated}. */
    AccountId create(CreateAccount command);

    /** Updates the current account's settings (SETTINGS at EDITOR). */
    void update(UpdateAccount command);

    SiteId addSite(String name);

    /**
     * The site of the current account with this name (ignoring case), created when unknown:
     * contacts name their home site as text (CONTACTS at EDITOR or SETTINGS at EDITOR).
     */
    SiteSummary ensureSite(String name);

    void renameSite(SiteId site, String name);

    void removeSite(SiteId site);

    /** Stores a PNG, JPEG, GIF or WebP image of at most 2 MB as one of the account's branding images. */
    void uploadBrandingImage(BrandingImageKind kind, String contentType, byte[] data);

    void removeBrandingImage(BrandingImageKind kind);

    /** How long the current account keeps its message history (SETTINGS at EDITOR); audited. */
    void keepHistory(HistoryRetention retention);
}
