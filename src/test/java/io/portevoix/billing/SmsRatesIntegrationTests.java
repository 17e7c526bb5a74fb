package io.portevoix.billing;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.CreateAccount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;

@PorteVoixTest
class SmsRatesIntegrationTests {

    static final List<String> EU = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    static final List<String> FRENCH_OVERSEAS = List.of("GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF");
    /** Japan has no default price: the tests price it and remove the price again. */
    static final String UNPRICED = "JP";

    @Autowired SmsRates rates;
    @Autowired AccountCommands accounts;
    @Autowired AuditLog audit;
    @Autowired AuthenticationProvider loginProvider;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String appRole;
    @Value("${spring.datasource.password}") String appPassword;

    @AfterEach
    void clean() {
        asSystem(() -> {
            if (rates.creditsPerPart(UNPRICED).isPresent()) {
                rates.remove(UNPRICED);
            }
            return null;
        });
        TestActors.logout();
    }

    private void asPlatformAdministrator() {
        assertThat(login(loginProvider, "admin@porte-voix.demo", "porte-voix-demo").platformAdministrator()).isTrue();
    }

    @Test
    void aFreshInstallationPricesTheEuSwitzerlandTheUkAndTheFrenchOverseasDepartments() {
        assertThat(rates.creditsPerPart("FR")).hasValue(1);
        assertThat(rates.creditsPerPart("fr")).hasValue(1);
        assertThat(rates.creditsPerPart("RE")).hasValue(2);
        assertThat(rates.creditsPerPart("DE")).isPresent();
        assertThat(rates.creditsPerPart("CH")).isPresent();
        assertThat(rates.creditsPerPart("GB")).isPresent();
        assertThat(rates.all()).extracting(SmsRate::country).containsAll(EU).containsAll(FRENCH_OVERSEAS)
                .contains("CH", "GB", "MC").isSorted();
        assertThat(rates.all()).allSatisfy(r -> assertThat(r.creditsPerPart()).isBetween(1, 3));
        assertThat(rates.creditsPerPart("US")).as("a country without a price is not addressable").isEmpty();
    }

    @Test
    void thePlatformAdministratorPricesChangesAndRemovesACountryAndEachChangeIsAudited() {
        asPlatformAdministrator();
        assertThat(rates.creditsPerPart(UNPRICED)).isEmpty();
        SmsRate saved = rates.set("jp", 5);
        assertThat(saved.country()).isEqualTo(UNPRICED);
        assertThat(saved.updatedBy()).isEqualTo("admin@porte-voix.demo");
        assertThat(rates.creditsPerPart(UNPRICED)).as("the cached price list is refreshed").hasValue(5);
        rates.set(UNPRICED, 6);
        assertThat(rates.creditsPerPart(UNPRICED)).hasValue(6);
        rates.remove(UNPRICED);
        assertThat(rates.creditsPerPart(UNPRICED)).isEmpty();
        assertThat(rates.all()).extracting(SmsRate::country).doesNotContain(UNPRICED);

        assertThat(audit.find(new AuditFilter(null, null, null, null, null), PageSpec.first(20)))
                .filteredOn(e -> e.target().equals(UNPRICED) && e.action().startsWith("sms-rate."))
                .extracting(e -> e.action() + " " + e.details())
                .contains("sms-rate.set none → 5 credits per part", "sms-rate.set 5 → 6 credits per part",
                        "sms-rate.remove was 6 credits per part");
    }

    @Test
    void anAccountAdministratorCannotChangeThePriceList() {
        String admin = uniqueEmail("rates-admin");
        asSystem(() -> accounts.create(new CreateAccount("Club Tarifs", null, new EmailAddress(admin), "", PASSWORD)));
        login(loginProvider, admin);
        assertThat(rates.creditsPerPart("FR")).as("but reads it").hasValue(1);
        assertThatThrownBy(() -> rates.set("FR", 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rates.set(UNPRICED, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rates.remove("FR")).isInstanceOf(AccessDeniedException.class);
        assertThat(rates.creditsPerPart("FR")).hasValue(1);
    }

    @Test
    void anUnknownCountryOrAPriceOutOfRangeIsRefused() {
        asPlatformAdministrator();
        assertThatThrownBy(() -> rates.set("ZZ", 2)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("country"));
        assertThatThrownBy(() -> rates.set("FRA", 2)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rates.set(UNPRICED, 0)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("creditsPerPart"));
        assertThatThrownBy(() -> rates.set(UNPRICED, 1001)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rates.remove(UNPRICED)).isInstanceOf(InvalidInputException.class);
        assertThat(rates.creditsPerPart(UNPRICED)).isEqualTo(OptionalInt.empty());
    }

    @Test
    void theDatabaseLetsOnlyAPlatformAdministratorSessionWriteThePriceList() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, appRole, appPassword);
                Statement statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("select count(*) from billing.sms_rate")) {
                rs.next();
                assertThat(rs.getInt(1)).as("everyone reads it").isGreaterThan(30);
            }
            assertThat(statement.executeUpdate("update billing.sms_rate set credits_per_part = 999 where country = 'FR'"))
                    .isZero();
            assertThat(statement.executeUpdate("delete from billing.sms_rate where country = 'FR'")).isZero();
            assertThatThrownBy(() -> statement.executeUpdate(
                    "insert into billing.sms_rate (country, credits_per_part) values ('" + UNPRICED + "', 1)"))
                    .hasMessageContaining("row-level security");
        }
        assertThat(rates.creditsPerPart("FR")).hasValue(1);
    }
}
