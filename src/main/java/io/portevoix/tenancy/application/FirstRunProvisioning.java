package io.portevoix.tenancy.application;

import io.portevoix.tenancy.SystemActor;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.application.port.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First-run provisioning for containers and automation: when the database holds no account and
 * {@code PORTEVOIX_BOOTSTRAP_ACCOUNT}, {@code _ADMIN_EMAIL} and {@code _ADMIN_PASSWORD} are set, creates
 * that account, its administrator (a platform administrator too), the optional API key with full
 * access, and announces the initial credits with {@link io.portevoix.tenancy.AccountCreated}.
 */
@Component
@Order(0)
class FirstRunProvisioning implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRunProvisioning.class);

    private final TenancySettings settings;
    private final AccountService accounts;
    private final ApiKeyService keys;
    private final Users users;

    FirstRunProvisioning(TenancySettings settings, AccountService accounts, ApiKeyService keys, Users users) {
        this.settings = settings;
        this.accounts = accounts;
        this.keys = keys;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenancySettings.Bootstrap bootstrap = settings.bootstrap();
        if (!bootstrap.requested()) {
            return;
        }
        SystemActor.call("first-run provisioning", () -> {
            if (accounts.anyAccount()) {
                return null;
            }
            EmailAddress admin = new EmailAddress(bootstrap.adminEmail());
            var id = accounts.create(new CreateAccount(bootstrap.account(), null, admin, "", bootstrap.adminPassword()),
                    bootstrap.credits());
            users.makePlatformAdministrator(admin.value());
            if (!bootstrap.apiKey().isBlank()) {
                TenantContext.runAs(id, () -> keys.create("Bootstrap", AccessLevels.all(AccessLevel.APPROVER),
                        bootstrap.apiKey()));
            }
            LOG.info("First-run provisioning created account \"{}\" ({}) with administrator {}", bootstrap.account(), id,
                    admin);
            return id;
        });
    }
}
