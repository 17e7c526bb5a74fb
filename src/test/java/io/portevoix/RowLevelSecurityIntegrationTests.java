package io.portevoix;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.billing.CreditCommands;
import io.portevoix.billing.GrantCredits;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.BrandingImageKind;
import io.portevoix.tenancy.ApiKeyCommands;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.SenderIdCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import io.portevoix.support.PorteVoixTest;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Row-level security is the second line of defence: raw SQL as the application role, with
 * another account's setting or none, sees and changes nothing of an account.
 */
@PorteVoixTest
class RowLevelSecurityIntegrationTests {

    static final List<String> ACCOUNT_TABLES = List.of("tenancy.site", "tenancy.membership", "tenancy.api_key",
            "tenancy.audit_entry", "tenancy.branding_image", "tenancy.sender_id", "billing.credit_entry",
            "billing.credit_balance", "delivery.sending_domain");

    @Autowired AccountCommands accounts;
    @Autowired ApiKeyCommands keys;
    @Autowired CreditCommands credits;
    @Autowired SenderIdCommands senderIds;
    @Autowired io.portevoix.delivery.SendingDomains sendingDomains;
    @Autowired AuthenticationProvider loginProvider;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String appRole;
    @Value("${spring.datasource.password}") String appPassword;

    AccountId accountA;
    AccountId accountB;

    @BeforeEach
    void twoAccountsWithData() {
        String adminA = uniqueEmail("rls-a");
        accountA = asSystem(() -> accounts.create(new CreateAccount("RLS A", null, new EmailAddress(adminA), "", PASSWORD)));
        accountB = asSystem(() -> accounts.create(new CreateAccount("RLS B", null, new EmailAddress(uniqueEmail("rls-b")), "", PASSWORD)));
        login(loginProvider, adminA);
        accounts.addSite("Site A");
        accounts.uploadBrandingImage(BrandingImageKind.LOGO, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        keys.create("Key A", AccessLevels.all(AccessLevel.GUEST));
        senderIds.request("CLUBA");
        sendingDomains.add("rls-a" + System.nanoTime() + ".example");
        TestActors.logout();
        asSystem(() -> credits.grant(new GrantCredits(accountA, 100, "test")));
    }

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    private Connection asApplicationRole(AccountId account) throws SQLException {
        Connection connection = DriverManager.getConnection(url, appRole, appPassword);
        try (PreparedStatement set = connection.prepareStatement("select set_config('portevoix.account_id', ?, false)")) {
            set.setString(1, account == null ? "" : account.toString());
            set.execute();
        }
        return connection;
    }

    private static long count(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theApplicationRoleIsNeitherSuperuserNorAbleToBypassRowLevelSecurity() throws SQLException {
        try (Connection connection = asApplicationRole(null)) {
            assertThat(count(connection, "select count(*) from pg_roles where rolname = current_user and (rolsuper or rolbypassrls)"))
                    .isZero();
        }
    }

    @Test
    void everyTableWithAnAccountColumnHasForcedRowLevelSecurity() throws SQLException {
        try (Connection connection = asApplicationRole(null); Statement statement = connection.createStatement();
                ResultSet unprotected = statement.executeQuery("""
                        select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind in ('r', 'p') and n.nspname in ('tenancy', 'billing', 'audience', 'templates',
                          'campaigns', 'delivery', 'tracking')
                          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'account_id'
                            and not a.attisdropped)
                          -- a month's partition has its own policy enabled (it binds the application role, which does
                          -- not own it); forcing it would also bind the owner's partition upkeep, which moves rows of
                          -- every account out of the default partition: the parents, which every query names, are forced
                          and not (c.relrowsecurity and (c.relforcerowsecurity or c.relispartition))""")) {
            List<String> tables = new java.util.ArrayList<>();
            while (unprotected.next()) {
                tables.add(unprotected.getString(1));
            }
            assertThat(tables).as("tables holding an account's rows without forced row-level security").isEmpty();
        }
    }

    @Test
    void anotherAccountsSettingSeesNoneOfTheRows() throws SQLException {
        try (Connection asA = asApplicationRole(accountA); Connection asB = asApplicationRole(accountB)) {
            for (String table : ACCOUNT_TABLES) {
                assertThat(count(asA, "select count(*) from " + table + " where account_id = ?", accountA.value()))
                        .as("%s rows of A seen by A", table).isPositive();
                assertThat(count(asB, "select count(*) from " + table + " where account_id = ?", accountA.value()))
                        .as("%s rows of A seen by B", table).isZero();
                assertThat(count(asB, "select count(*) from " + table + " where account_id <> ?", accountB.value()))
                        .as("%s rows of other accounts seen by B", table).isZero();
            }
            assertThat(count(asB, "select count(*) from tenancy.account where id = ?", accountA.value())).isZero();
        }
    }

    @Test
    void withoutAnAccountSettingNothingIsVisible() throws SQLException {
        try (Connection none = asApplicationRole(null)) {
            for (String table : ACCOUNT_TABLES) {
                assertThat(count(none, "select count(*) from " + table)).as(table).isZero();
            }
            assertThat(count(none, "select count(*) from tenancy.account")).isZero();
            assertThat(count(none, "select count(*) from tenancy.app_user")).isZero();
        }
    }

    @Test
    void rowsCannotBeWrittenIntoAnotherAccount() throws SQLException {
        try (Connection asB = asApplicationRole(accountB); Statement statement = asB.createStatement()) {
            assertThatThrownBy(() -> statement.execute("insert into tenancy.site (account_id, id, name) values ('"
                    + accountA + "', gen_random_uuid(), 'Intrus')")).hasMessageContaining("row-level security");
            assertThat(statement.executeUpdate("update tenancy.site set name = 'Pirate' where account_id = '" + accountA + "'"))
                    .isZero();
            assertThat(statement.executeUpdate("delete from tenancy.api_key where account_id = '" + accountA + "'")).isZero();
        }
    }

    @Test
    void theAuditLogIsAppendOnlyForTheApplicationRole() throws SQLException {
        try (Connection asA = asApplicationRole(accountA); Statement statement = asA.createStatement()) {
            assertThat(count(asA, "select count(*) from tenancy.audit_entry")).isPositive();
            assertThatThrownBy(() -> statement.executeUpdate("update tenancy.audit_entry set actor = 'someone else'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from tenancy.audit_entry"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theCreditLedgerIsAppendOnlyAndTheBalanceNeverNegative() throws SQLException {
        try (Connection asA = asApplicationRole(accountA); Statement statement = asA.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update billing.credit_entry set balance_delta = 1000000"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from billing.credit_entry"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("update billing.credit_balance set balance = 1000000"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("""
                    insert into billing.credit_entry (account_id, kind, balance_delta, reserved_delta, actor)
                    values ('%s', 'DEBIT', -101, 0, 'test')""".formatted(accountA)))
                    .hasMessageContaining("credit_balance_not_negative");
            assertThatThrownBy(() -> statement.executeUpdate("""
                    insert into billing.credit_entry (account_id, kind, balance_delta, reserved_delta, actor)
                    values ('%s', 'RESERVATION', 0, 101, 'test')""".formatted(accountA)))
                    .hasMessageContaining("credit_reserved_within_balance");
            assertThat(count(asA, "select balance from billing.credit_balance")).isEqualTo(100);
        }
    }
}
