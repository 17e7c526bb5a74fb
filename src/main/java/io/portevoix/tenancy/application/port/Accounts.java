package io.portevoix.tenancy.application.port;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.BrandingImage;
import io.portevoix.tenancy.BrandingImageKind;
import io.portevoix.tenancy.SiteId;
import io.portevoix.tenancy.SiteSummary;
import io.portevoix.tenancy.domain.Account;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Accounts with their sites and branding images. */
public interface Accounts {

    void insert(Account account);

    void update(Account account);

    Optional<Account> find(AccountId id);

    List<AccountSummary> summaries();

    /** The accounts whose parent is {@code parent} (a network's clubs). */
    List<AccountSummary> children(AccountId parent);

    boolean any();

    List<SiteSummary> sites(AccountId account);

    void insertSite(AccountId account, SiteId site, String name);

    boolean renameSite(AccountId account, SiteId site, String name);

    boolean deleteSite(AccountId account, SiteId site);

    Set<BrandingImageKind> brandingImageKinds(AccountId account);

    Optional<BrandingImage> brandingImage(AccountId account, BrandingImageKind kind);

    void saveBrandingImage(AccountId account, BrandingImage image);

    void deleteBrandingImage(AccountId account, BrandingImageKind kind);

    /** Months of message history the account keeps. */
    int historyMonths(AccountId account);

    void updateHistoryMonths(AccountId account, int months, java.time.Instant at);
}
