package io.portevoix.delivery.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.delivery.application.port.PublicHolidays;
import io.portevoix.delivery.application.port.SmsWindowSettings;
import io.portevoix.delivery.domain.SendingWindow;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.PhoneNumber;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sending windows of marketing SMS. The recipient's country comes from the number
 * (libphonenumber), its time zone from a short table of countries with one zone (France and its
 * overseas departments first), else the account's zone. Every country uses the French default
 * hours, narrowed by the account; holidays are the country's own.
 */
@Service
class SmsWindowService implements SmsSendingWindows {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration CACHE_FOR = Duration.ofMinutes(1);
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("FR", PARIS),
            Map.entry("GP", ZoneId.of("America/Guadeloupe")),
            Map.entry("MQ", ZoneId.of("America/Martinique")),
            Map.entry("GF", ZoneId.of("America/Cayenne")),
            Map.entry("RE", ZoneId.of("Indian/Reunion")),
            Map.entry("YT", ZoneId.of("Indian/Mayotte")),
            Map.entry("PM", ZoneId.of("America/Miquelon")),
            Map.entry("BL", ZoneId.of("America/St_Barthelemy")),
            Map.entry("MF", ZoneId.of("America/Marigot")),
            Map.entry("MC", ZoneId.of("Europe/Monaco")),
            Map.entry("BE", ZoneId.of("Europe/Brussels")),
            Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
            Map.entry("CH", ZoneId.of("Europe/Zurich")),
            Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("GB", ZoneId.of("Europe/London")));

    private final SmsWindowSettings settings;
    private final PublicHolidays holidays;
    private final AccountQueries accounts;
    private final AuditLog audit;
    private final Map<AccountId, Cached> cache = new ConcurrentHashMap<>();

    SmsWindowService(SmsWindowSettings settings, PublicHolidays holidays, AccountQueries accounts, AuditLog audit) {
        this.settings = settings;
        this.holidays = holidays;
        this.accounts = accounts;
        this.audit = audit;
    }

    private record Cached(SendingWindow window, ZoneId zone, long loadedAt) {
    }

    @Override
    public Instant nextSlot(AccountId account, String e164, BroadcastType type, Instant now) {
        if (type != BroadcastType.MARKETING) {
            return now;
        }
        Cached cached = cached(account);
        String country = country(e164);
        ZoneId zone = country == null ? cached.zone() : ZONES.getOrDefault(country, cached.zone());
        String calendar = country == null ? "ZZ" : country;
        return cached.window().nextAllowed(now, zone, day -> holidays.isHoliday(calendar, day));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SETTINGS_GUEST')")
    public SendingWindow window() {
        return load(TenantContext.requireAccount());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public SendingWindow narrow(NarrowSmsWindow command) {
        AccountId account = TenantContext.requireAccount();
        SendingWindow window = SendingWindow.FRANCE.narrowedTo(command.days(), command.starts(), command.ends());
        settings.save(account, window);
        cache.remove(account);
        audit.record("delivery.sms-window", "sms", describe(window));
        return window;
    }

    private Cached cached(AccountId account) {
        long now = System.nanoTime();
        Cached cached = cache.get(account);
        if (cached == null || now - cached.loadedAt() > CACHE_FOR.toNanos()) {
            ZoneId zone = accounts.find(account).map(AccountDetails::timeZone).orElse(PARIS);
            cached = new Cached(load(account), zone, now);
            cache.put(account, cached);
        }
        return cached;
    }

    /** The stored narrowing, never wider than the default even if the row were edited by hand. */
    private SendingWindow load(AccountId account) {
        return settings.find(account).filter(w -> w.within(SendingWindow.FRANCE)).orElse(SendingWindow.FRANCE);
    }

    private static @Nullable String country(String e164) {
        try {
            String region = new PhoneNumber(e164).country();
            return region == null || "ZZ".equals(region) ? null : region;
        } catch (IllegalArgumentException | IllegalStateException notANumber) {
            return null;
        }
    }

    private static String describe(SendingWindow window) {
        return window.days().stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(",")) + " " + window.starts() + "-" + window.ends();
    }
}
