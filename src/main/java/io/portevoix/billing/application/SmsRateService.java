package io.portevoix.billing.application;

import io.portevoix.billing.SmsRate;
import io.portevoix.billing.SmsRates;
import io.portevoix.billing.application.port.SmsRateTable;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SMS price list, read from memory: every send prices its parts here, and the list changes
 * rarely. A change clears the copy (again once its transaction commits, so no reader caches the
 * old value in between); another application instance sees the change when its copy expires.
 *
 * <p>A change is audited in the account the platform administrator works in, if any; the row
 * itself keeps who changed it last.
 */
@Service
class SmsRateService implements SmsRates {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private record Snapshot(Map<String, SmsRate> rates, Instant loadedAt) {
    }

    private final SmsRateTable table;
    private final AuditLog audit;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    SmsRateService(SmsRateTable table, AuditLog audit, Clock clock) {
        this.table = table;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<SmsRate> all() {
        return List.copyOf(rates().values());
    }

    @Override
    public OptionalInt creditsPerPart(String country) {
        SmsRate rate = country == null ? null : rates().get(country.strip().toUpperCase(Locale.ROOT));
        return rate == null ? OptionalInt.empty() : OptionalInt.of(rate.creditsPerPart());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public SmsRate set(String country, int creditsPerPart) {
        String code = requireCountry(country);
        if (creditsPerPart < MIN_CREDITS_PER_PART || creditsPerPart > MAX_CREDITS_PER_PART) {
            throw InvalidInputException.of("creditsPerPart", "A price is between " + MIN_CREDITS_PER_PART + " and "
                    + MAX_CREDITS_PER_PART + " credits per SMS part");
        }
        String before = table.find(code).map(r -> String.valueOf(r.creditsPerPart())).orElse("none");
        SmsRate saved = table.save(code, creditsPerPart, clock.instant(), actor());
        invalidate();
        auditInCurrentAccount("sms-rate.set", code, before + " → " + creditsPerPart + " credits per part");
        return saved;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void remove(String country) {
        String code = requireCountry(country);
        SmsRate existing = table.find(code)
                .orElseThrow(() -> InvalidInputException.of("country", "No price is set for " + code));
        table.delete(code);
        invalidate();
        auditInCurrentAccount("sms-rate.remove", code, "was " + existing.creditsPerPart() + " credits per part");
    }

    private Map<String, SmsRate> rates() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(TTL).isBefore(now)) {
            Map<String, SmsRate> loaded = new LinkedHashMap<>();
            table.all().forEach(rate -> loaded.put(rate.country(), rate));
            current = new Snapshot(Collections.unmodifiableMap(loaded), now);
            snapshot = current;
        }
        return current.rates();
    }

    private void invalidate() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private void auditInCurrentAccount(String action, String target, String details) {
        if (TenantContext.currentAccount().isPresent()) {
            audit.record(action, target, details);
        }
    }

    private static String requireCountry(String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw InvalidInputException.of("country", "Not an ISO 3166-1 country code: " + (country == null ? "" : country.strip()));
        }
        return code;
    }

    private static String actor() {
        return TenantContext.currentActor().map(Actor::displayName).orElse("system");
    }
}
