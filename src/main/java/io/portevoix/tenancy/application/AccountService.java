package io.portevoix.tenancy.application;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AccountCreated;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.BrandingImage;
import io.portevoix.tenancy.BrandingImageKind;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.HistoryRetention;
import io.portevoix.tenancy.SiteId;
import io.portevoix.tenancy.SiteSummary;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UpdateAccount;
import io.portevoix.tenancy.application.port.Accounts;
import io.portevoix.tenancy.domain.Account;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class AccountService implements AccountCommands, AccountQueries {

    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private final Accounts accounts;
    private final UserService users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountService(Accounts accounts, UserService users, AuditLog audit, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public AccountId create(CreateAccount command) {
        return create(command, 0);
    }

    /** Creates an account; the whole creation runs as the new account so row-level security admits it. */
    AccountId create(CreateAccount command, long initialCredits) {
        Account account = Account.open(command.name(), command.parentId(), clock.instant());
        return TenantContext.callAs(account.id(), () -> transactions.execute(status -> {
            accounts.insert(account);
            users.addToCurrentAccount(command.administratorEmail(), command.administratorName(),
                    command.administratorPassword(), true, AccessLevels.all(AccessLevel.APPROVER));
            audit.record("account.create", command.name(), command.parentId() == null ? ""
                    : "parent " + command.parentId());
            events.publishEvent(new AccountCreated(account.id(), command.name(), command.parentId(), initialCredits));
            return account.id();
        }));
    }

    @Override
    @Transactional(readOnly = true)
    public AccountDetails current() {
        return find(TenantContext.requireAccount()).orElseThrow(TenantContext.NoAccountSelectedException::new);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountDetails> find(AccountId id) {
        return accounts.find(id).map(account -> details(account, accounts.brandingImageKinds(id)));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<AccountSummary> all() {
        return accounts.summaries();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SiteSummary> sites() {
        return accounts.sites(TenantContext.requireAccount());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountSummary> children() {
        return accounts.children(TenantContext.requireAccount());
    }

    @Override
    public Optional<BrandingImage> brandingImage(AccountId account, BrandingImageKind kind) {
        return TenantContext.callAs(account, () -> accounts.brandingImage(account, kind));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void update(UpdateAccount command) {
        Account account = accounts.find(TenantContext.requireAccount())
                .orElseThrow(TenantContext.NoAccountSelectedException::new);
        account.changeSettings(new Account.Settings(command.name(), command.legalName(), command.address(),
                command.timeZone(), command.locale(), command.phoneRegion(), command.defaultSenderName(),
                command.defaultSenderEmail(), command.social()), clock.instant());
        accounts.update(account);
        audit.record("account.update", account.settings().name(), "");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public SiteId addSite(String name) {
        String clean = requireSiteName(name);
        AccountId account = TenantContext.requireAccount();
        boolean exists = accounts.sites(account).stream().anyMatch(s -> s.name().equalsIgnoreCase(clean));
        if (exists) {
            throw new IllegalArgumentException("A site named \"" + clean + "\" already exists");
        }
        SiteId id = SiteId.random();
        accounts.insertSite(account, id, clean);
        audit.record("site.create", clean, "");
        return id;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR') or hasRole('SETTINGS_EDITOR')")
    public SiteSummary ensureSite(String name) {
        String clean = requireSiteName(name);
        AccountId account = TenantContext.requireAccount();
        return accounts.sites(account).stream().filter(s -> s.name().equalsIgnoreCase(clean)).findFirst()
                .orElseGet(() -> {
                    SiteId id = SiteId.random();
                    accounts.insertSite(account, id, clean);
                    audit.record("site.create", clean, "named by a contact");
                    return new SiteSummary(id, clean);
                });
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void renameSite(SiteId site, String name) {
        String clean = requireSiteName(name);
        if (!accounts.renameSite(TenantContext.requireAccount(), site, clean)) {
            throw new java.util.NoSuchElementException("No such site");
        }
        audit.record("site.rename", clean, "");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void removeSite(SiteId site) {
        if (!accounts.deleteSite(TenantContext.requireAccount(), site)) {
            throw new java.util.NoSuchElementException("No such site");
        }
        audit.record("site.delete", site.toString(), "");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void uploadBrandingImage(BrandingImageKind kind, String contentType, byte[] data) {
        if (!IMAGE_TYPES.contains(contentType)) {
            throw new IllegalArgumentException("Images must be PNG, JPEG, GIF or WebP");
        }
        if (data.length == 0 || data.length > MAX_IMAGE_BYTES) {
            throw new IllegalArgumentException("Images must be at most 2 MB");
        }
        accounts.saveBrandingImage(TenantContext.requireAccount(),
                new BrandingImage(kind, contentType, data, clock.instant()));
        audit.record("branding.upload", kind.name(), data.length + " bytes");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void removeBrandingImage(BrandingImageKind kind) {
        accounts.deleteBrandingImage(TenantContext.requireAccount(), kind);
        audit.record("branding.delete", kind.name(), "");
    }

    /** Whether any account exists; only a platform administrator (or the system) sees them all. */
    @Transactional(readOnly = true)
    boolean anyAccount() {
        return accounts.any();
    }

    private static String requireSiteName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("A site needs a name of at most 200 characters");
        }
        return name.strip();
    }

    private static AccountDetails details(Account account, Set<BrandingImageKind> images) {
        Account.Settings s = account.settings();
        return new AccountDetails(account.id(), account.parentId(), s.name(), s.legalName(), s.address(), s.timeZone(),
                s.locale(), s.phoneRegion(), s.defaultSenderName(), s.defaultSenderEmail(), s.social(), images,
                account.createdAt(), account.updatedAt());
    }

    @Override
    @Transactional(readOnly = true)
    public HistoryRetention historyRetention() {
        return new HistoryRetention(accounts.historyMonths(TenantContext.requireAccount()));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void keepHistory(HistoryRetention retention) {
        AccountId account = TenantContext.requireAccount();
        int before = accounts.historyMonths(account);
        if (before != retention.months()) {
            accounts.updateHistoryMonths(account, retention.months(), clock.instant());
            audit.record("account.history", Integer.toString(retention.months()), "was " + before + " months");
        }
    }
}
