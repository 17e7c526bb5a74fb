package io.portevoix.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.portevoix.audience.BroadcastType;
import io.portevoix.delivery.adapter.holidays.JollydayPublicHolidays;
import io.portevoix.delivery.application.port.SmsWindowSettings;
import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.AuditEntry;
import io.portevoix.tenancy.AuditFilter;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.BrandingImage;
import io.portevoix.tenancy.BrandingImageKind;
import io.portevoix.tenancy.PostalAddress;
import io.portevoix.tenancy.SiteSummary;
import io.portevoix.tenancy.SocialLinks;
import io.portevoix.tenancy.TenantContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service with the real calendar and in-memory settings: recipients' zones, broadcast types, narrowing, cost. */
class SmsWindowServiceTests {

    static final AccountId ACCOUNT = AccountId.random();
    /** Monday 15 June 2026, 16:30 UTC: 18:30 in Paris, 20:30 in Réunion, 12:30 in Guadeloupe. */
    static final Instant MONDAY_1630_UTC = Instant.parse("2026-06-15T16:30:00Z");

    final InMemorySettings settings = new InMemorySettings();
    final RecordingAudit audit = new RecordingAudit();
    final SmsWindowService service = new SmsWindowService(settings, new JollydayPublicHolidays(),
            new OneAccount(ZoneId.of("America/Montreal")), audit);

    @Test
    void marketingSmsFollowTheRecipientsZone() {
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.MARKETING, MONDAY_1630_UTC))
                .as("18:30 in Paris").isEqualTo(MONDAY_1630_UTC);
        assertThat(service.nextSlot(ACCOUNT, "+262692123456", BroadcastType.MARKETING, MONDAY_1630_UTC))
                .as("20:30 in Réunion (Indian/Reunion, UTC+4): Tuesday 08:00 there")
                .isEqualTo(Instant.parse("2026-06-16T04:00:00Z"));
        Instant monday1715Utc = Instant.parse("2026-06-15T17:15:00Z");
        assertThat(service.nextSlot(ACCOUNT, "+262639012345", BroadcastType.MARKETING, monday1715Utc))
                .as("20:15 in Mayotte (Indian/Mayotte, UTC+3): Tuesday 08:00 there")
                .isEqualTo(Instant.parse("2026-06-16T05:00:00Z"));
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.MARKETING, monday1715Utc))
                .as("19:15 in Paris").isEqualTo(monday1715Utc);
        assertThat(service.nextSlot(ACCOUNT, "+590690123456", BroadcastType.MARKETING, Instant.parse("2026-06-15T11:30:00Z")))
                .as("07:30 in Guadeloupe").isEqualTo(Instant.parse("2026-06-15T12:00:00Z"));
        Instant monday1930Utc = Instant.parse("2026-06-15T19:30:00Z");
        assertThat(service.nextSlot(ACCOUNT, "+12015550123", BroadcastType.MARKETING, monday1930Utc))
                .as("a country without a zone of its own: the account's zone, 15:30 in Montreal").isEqualTo(monday1930Utc);
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.MARKETING, monday1930Utc))
                .as("21:30 in Paris").isEqualTo(Instant.parse("2026-06-16T06:00:00Z"));
    }

    @Test
    void overseasHolidaysAreTheirOwn() {
        Instant reunionAbolitionDay = Instant.parse("2027-12-20T06:00:00Z");
        assertThat(service.nextSlot(ACCOUNT, "+262692123456", BroadcastType.MARKETING, reunionAbolitionDay))
                .as("20 December in Réunion: Tuesday 08:00 there").isEqualTo(Instant.parse("2027-12-21T04:00:00Z"));
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.MARKETING, reunionAbolitionDay))
                .as("07:00 in Paris, an ordinary Monday").isEqualTo(Instant.parse("2027-12-20T07:00:00Z"));
    }

    @Test
    void legalAndInformativeSmsAreNotHeldBack() {
        Instant sundayNight = Instant.parse("2026-06-14T22:00:00Z");
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.LEGAL, sundayNight)).isEqualTo(sundayNight);
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.INFORMATIVE, sundayNight)).isEqualTo(sundayNight);
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.MARKETING, sundayNight))
                .isEqualTo(Instant.parse("2026-06-15T06:00:00Z"));
    }

    @Test
    void theAccountsNarrowingAppliesAtOnceAndIsAudited() {
        assertThat(TenantContext.callAs(ACCOUNT, service::window)).isEqualTo(SendingWindow.FRANCE);
        service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.MARKETING, MONDAY_1630_UTC);
        TenantContext.runAs(ACCOUNT, () -> service.narrow(new NarrowSmsWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0))));
        assertThat(settings.rows).containsKey(ACCOUNT);
        assertThat(audit.actions).containsExactly("delivery.sms-window Mon,Tue,Wed,Thu,Fri 09:00-18:00");
        assertThat(service.nextSlot(ACCOUNT, "+33612345678", BroadcastType.MARKETING, MONDAY_1630_UTC))
                .as("18:30 in Paris is now outside: Tuesday 09:00").isEqualTo(Instant.parse("2026-06-16T07:00:00Z"));
    }

    @Test
    void aHundredThousandMessagesCostLittle() {
        long started = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            service.nextSlot(ACCOUNT, "+3361234" + String.format("%04d", i % 10_000), BroadcastType.MARKETING,
                    MONDAY_1630_UTC.plusSeconds(i));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("100,000 decisions in %d ms", millis).isLessThan(5_000);
    }

    static final class InMemorySettings implements SmsWindowSettings {
        final Map<AccountId, SendingWindow> rows = new HashMap<>();

        @Override
        public Optional<SendingWindow> find(AccountId account) {
            return Optional.ofNullable(rows.get(account));
        }

        @Override
        public void save(AccountId account, SendingWindow window) {
            rows.put(account, window);
        }
    }

    static final class RecordingAudit implements AuditLog {
        final List<String> actions = new ArrayList<>();

        @Override
        public void record(String action, String target, String details) {
            actions.add(action + " " + details);
        }

        @Override
        public List<AuditEntry> find(AuditFilter filter, PageSpec page) {
            return List.of();
        }

        @Override
        public int count(AuditFilter filter) {
            return actions.size();
        }

        @Override
        public List<String> actions() {
            return actions;
        }
    }

    record OneAccount(ZoneId zone) implements AccountQueries {

        @Override
        public io.portevoix.tenancy.HistoryRetention historyRetention() {
            return io.portevoix.tenancy.HistoryRetention.DEFAULT;
        }

        @Override
        public AccountDetails current() {
            return find(TenantContext.requireAccount()).orElseThrow();
        }

        @Override
        public Optional<AccountDetails> find(AccountId id) {
            return Optional.of(new AccountDetails(id, null, "Club", "Club", PostalAddress.EMPTY, zone, Locale.FRANCE, "FR", "",
                    "", SocialLinks.NONE, Set.of(), Instant.EPOCH, Instant.EPOCH));
        }

        @Override
        public List<AccountSummary> all() {
            return List.of();
        }

        @Override
        public List<SiteSummary> sites() {
            return List.of();
        }

        @Override
        public List<AccountSummary> children() {
            return List.of();
        }

        @Override
        public Optional<BrandingImage> brandingImage(AccountId account, BrandingImageKind kind) {
            return Optional.empty();
        }
    }
}
