package io.portevoix.tenancy;

import io.portevoix.shared.AccountId;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Reads accounts, sites and branding.
 */
@PrimaryPort
public interface AccountQueries {

    /** The account currently worked in. */
    AccountDetails current();

    /** An account the actor may see (its own, or any for a platform administrator). */
    Optional<AccountDetails> find(AccountId id);

    /** Every account, for platform administrators. */
    List<AccountSummary> all();

    List<SiteSummary> sites();

    /** The clubs of the current account when it is a network's headquarters (empty otherwise). */
    List<AccountSummary> children();

    /** A branding image, for the public pages and e-mails of {@code account}. */
    Optional<BrandingImage> brandingImage(AccountId account, BrandingImageKind kind);

    /** How long the current account keeps its message history. */
    HistoryRetention historyRetention();
}
