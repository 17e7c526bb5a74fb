package io.portevoix.tenancy.application;

import io.portevoix.tenancy.SystemActor;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.PostalAddress;
import io.portevoix.tenancy.SocialLinks;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UpdateAccount;
import io.portevoix.tenancy.application.port.Users;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the README's demo command (never in a plain production start): a network
 * headquarters with two club accounts, each with two sites, users of every access level (one of
 * them in several accounts), and credits. Runs once: nothing happens when the demo administrator exists.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("portevoix.demo.enabled")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "porte-voix-demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    /** A demo login and what it may do. */
    record DemoUser(String email, String name, String description) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@porte-voix.demo", "Camille Martin", "platform administrator, headquarters administrator"),
            new DemoUser("directrice@vitalis-lyon.demo", "Sophie Bernard", "Lyon administrator (approver everywhere)"),
            new DemoUser("editeur@vitalis-lyon.demo", "Lucas Petit", "Lyon editor (cannot send or validate)"),
            new DemoUser("invite@vitalis-lyon.demo", "Emma Robert", "Lyon guest (read only)"),
            new DemoUser("responsable@vitalis-bordeaux.demo", "Hugo Richard",
                    "Bordeaux administrator, also headquarters editor and Lyon guest (switches accounts)"));

    private final AccountService accounts;
    private final UserService users;
    private final Users userStore;
    private final TransactionTemplate transactions;

    DemoAccounts(AccountService accounts, UserService users, Users userStore, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.users = users;
        this.userStore = userStore;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.call("demo data", () -> {
            if (userStore.findForLogin(USERS.getFirst().email()).isPresent()) {
                LOG.info("Demo data already present");
                return null;
            }
            seed();
            return null;
        });
    }

    private void seed() {
        AccountId hq = accounts.create(new CreateAccount("Réseau Vitalis Forme", null,
                new EmailAddress("admin@porte-voix.demo"), "Camille Martin", PASSWORD), 10_000);
        userStore.makePlatformAdministrator("admin@porte-voix.demo");
        configure(hq, "Réseau Vitalis Forme", "Vitalis Forme SAS", new PostalAddress("12 rue de la République", "",
                "69002", "Lyon", "FR"), "siege@vitalis-forme.demo", "vitalis-forme");
        site(hq, "Siège Lyon");

        AccountId lyon = accounts.create(new CreateAccount("Vitalis Lyon", hq,
                new EmailAddress("directrice@vitalis-lyon.demo"), "Sophie Bernard", PASSWORD), 5_000);
        configure(lyon, "Vitalis Lyon", "Vitalis Lyon SARL", new PostalAddress("45 cours Lafayette", "",
                "69003", "Lyon", "FR"), "contact@vitalis-lyon.demo", "vitalis-lyon");
        site(lyon, "Lyon Part-Dieu");
        site(lyon, "Lyon Confluence");
        add(lyon, "editeur@vitalis-lyon.demo", "Lucas Petit", false, editor());
        add(lyon, "invite@vitalis-lyon.demo", "Emma Robert", false, guest());
        // the director asked for approval requests and send reports (they land in the mail sandbox)
        TenantContext.runAs(lyon, () -> transactions.executeWithoutResult(status -> userStore.changeStaffMail(lyon,
                userStore.findForLogin("directrice@vitalis-lyon.demo").orElseThrow().id(),
                java.util.EnumSet.allOf(io.portevoix.tenancy.StaffMail.class))));

        AccountId bordeaux = accounts.create(new CreateAccount("Vitalis Bordeaux", hq,
                new EmailAddress("responsable@vitalis-bordeaux.demo"), "Hugo Richard", PASSWORD), 2_500);
        configure(bordeaux, "Vitalis Bordeaux", "Vitalis Bordeaux SARL", new PostalAddress("8 quai des Chartrons", "",
                "33000", "Bordeaux", "FR"), "contact@vitalis-bordeaux.demo", "vitalis-bordeaux");
        site(bordeaux, "Bordeaux Chartrons");
        site(bordeaux, "Mérignac");
        add(hq, "responsable@vitalis-bordeaux.demo", "Hugo Richard", false, editor());
        add(lyon, "responsable@vitalis-bordeaux.demo", "Hugo Richard", false, guest());
        LOG.info("Demo data created: 3 accounts, 5 users (password \"{}\")", PASSWORD);
    }

    private void configure(AccountId account, String name, String legalName, PostalAddress address, String sender,
            String handle) {
        TenantContext.runAs(account, () -> accounts.update(new UpdateAccount(name, legalName, address,
                ZoneId.of("Europe/Paris"), Locale.FRENCH, "FR", name, sender,
                new SocialLinks("https://www.facebook.com/" + handle, "https://www.instagram.com/" + handle, "", "",
                        "", "https://www." + handle + ".demo"))));
    }

    private void site(AccountId account, String name) {
        TenantContext.runAs(account, () -> accounts.addSite(name));
    }

    private void add(AccountId account, String email, String name, boolean admin, AccessLevels levels) {
        TenantContext.runAs(account, () -> transactions.executeWithoutResult(status ->
                users.addToCurrentAccount(new EmailAddress(email), name, PASSWORD, admin, levels)));
    }

    private static AccessLevels editor() {
        return AccessLevels.all(AccessLevel.EDITOR).with(Area.SETTINGS, AccessLevel.GUEST)
                .with(Area.BILLING, AccessLevel.GUEST).with(Area.STATISTICS, AccessLevel.GUEST);
    }

    private static AccessLevels guest() {
        return AccessLevels.all(AccessLevel.GUEST).with(Area.SETTINGS, AccessLevel.NONE);
    }
}
