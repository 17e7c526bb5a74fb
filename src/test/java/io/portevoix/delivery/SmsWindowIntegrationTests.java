package io.portevoix.delivery;

import static io.portevoix.support.TestActors.PASSWORD;
import static io.portevoix.support.TestActors.asSystem;
import static io.portevoix.support.TestActors.login;
import static io.portevoix.support.TestActors.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portevoix.audience.BroadcastType;
import io.portevoix.delivery.application.NarrowSmsWindow;
import io.portevoix.delivery.application.SmsSendingWindows;
import io.portevoix.delivery.application.port.SmsWindowSettings;
import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import io.portevoix.support.PorteVoixTest;
import io.portevoix.support.TestActors;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AddUser;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.CreateAccount;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UserCommands;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;

/** An account's SMS window persists, is audited, is editors' business, and stays the account's own. */
@PorteVoixTest
class SmsWindowIntegrationTests {

    @Autowired AccountCommands accounts;
    @Autowired UserCommands users;
    @Autowired SmsSendingWindows windows;
    @Autowired SmsWindowSettings settings;
    @Autowired AuditLog audit;
    @Autowired AuthenticationProvider loginProvider;

    @AfterEach
    void logout() {
        TestActors.logout();
    }

    @Test
    void theNarrowedWindowPersistsIsAuditedAndStaysTheAccountsOwn() {
        String adminA = uniqueEmail("window-a");
        String adminB = uniqueEmail("window-b");
        asSystem(() -> accounts.create(new CreateAccount("Fenêtre A", null, new EmailAddress(adminA), "", PASSWORD)));
        asSystem(() -> accounts.create(new CreateAccount("Fenêtre B", null, new EmailAddress(adminB), "", PASSWORD)));

        login(loginProvider, adminA);
        AccountId a = TenantContext.requireAccount();
        assertThat(windows.window()).isEqualTo(SendingWindow.FRANCE);
        windows.narrow(new NarrowSmsWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(18, 30)));
        SendingWindow narrowed = new SendingWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(18, 30));
        assertThat(windows.window()).isEqualTo(narrowed);
        assertThat(settings.find(a)).contains(narrowed);
        assertThat(audit.find(new AuditFilter("delivery.sms-window", null, null, null, null), PageSpec.first(10)))
                .extracting(AuditEntry::details).containsExactly("Mon,Tue,Wed,Thu,Fri 09:00-18:30");
        assertThatThrownBy(() -> windows.narrow(new NarrowSmsWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0),
                LocalTime.of(21, 0))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("days", "ends"));
        assertThat(windows.window()).as("a refused change changes nothing").isEqualTo(narrowed);
        Instant saturdayNoon = Instant.parse("2026-06-13T10:00:00Z");
        assertThat(windows.nextSlot(a, "+33612345678", BroadcastType.MARKETING, saturdayNoon))
                .as("Saturday is closed for A: Monday 09:00 Paris").isEqualTo(Instant.parse("2026-06-15T07:00:00Z"));

        String guest = uniqueEmail("window-guest");
        users.add(new AddUser(new EmailAddress(guest), "", PASSWORD, false, AccessLevels.all(AccessLevel.GUEST)));
        login(loginProvider, guest);
        assertThat(windows.window()).as("guests read it").isEqualTo(narrowed);
        assertThatThrownBy(() -> windows.narrow(new NarrowSmsWindow(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                LocalTime.of(10, 0)))).isInstanceOf(AccessDeniedException.class);

        login(loginProvider, adminB);
        AccountId b = TenantContext.requireAccount();
        assertThat(windows.window()).as("B has the default").isEqualTo(SendingWindow.FRANCE);
        assertThat(settings.find(a)).as("row-level security hides A's row from B").isEmpty();
        windows.narrow(new NarrowSmsWindow(Set.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(12, 0)));
        assertThat(windows.nextSlot(b, "+33612345678", BroadcastType.MARKETING, saturdayNoon))
                .as("Saturday noon UTC is 12:00 in Paris, outside B's window: next Saturday 10:00")
                .isEqualTo(Instant.parse("2026-06-20T08:00:00Z"));

        login(loginProvider, adminA);
        assertThat(windows.window()).as("B's change left A's window alone").isEqualTo(narrowed);
    }
}
