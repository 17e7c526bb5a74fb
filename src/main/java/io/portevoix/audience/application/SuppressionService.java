package io.portevoix.audience.application;

import io.portevoix.audience.SuppressionCommands;
import io.portevoix.audience.SuppressionEntry;
import io.portevoix.audience.SuppressionQueries;
import io.portevoix.audience.SuppressionReason;
import io.portevoix.audience.application.port.Contacts;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PhoneNumber;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: addresses never to contact (hard bounces, complaints, "do not contact").
 * Entries are keyed by a hash of the normalised address (lower-cased e-mail, E.164 phone), so an
 * erased contact's address can stay on the list without being readable.
 */
@Service
class SuppressionService implements SuppressionCommands, SuppressionQueries {

    private final Contacts contacts;
    private final AccountQueries accounts;
    private final AuditLog audit;
    private final Clock clock;

    SuppressionService(Contacts contacts, AccountQueries accounts, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public SuppressionEntry add(String address, SuppressionReason reason, String comment) {
        String normalised = normalise(address).orElseThrow(() -> InvalidInputException.of("address",
                "Not an e-mail address or a phone number: " + address));
        String clean = comment == null ? "" : comment.strip();
        AccountId account = TenantContext.requireAccount();
        contacts.suppress(account, ContactService.hash(normalised), normalised, reason.name(), clean, clock.instant());
        audit.record("suppression.add", normalised, reason.name());
        return contacts.suppressions(account).stream().filter(e -> e.addressHash().equals(ContactService.hash(normalised)))
                .findFirst().orElseThrow();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public void remove(String addressHash) {
        if (!contacts.unsuppress(TenantContext.requireAccount(), addressHash)) {
            throw new NoSuchElementException("No such entry");
        }
        audit.record("suppression.remove", addressHash, "");
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<SuppressionEntry> list() {
        return contacts.suppressions(TenantContext.requireAccount());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public boolean isSuppressed(String address) {
        return normalise(address).map(a -> contacts.isSuppressed(TenantContext.requireAccount(), ContactService.hash(a)))
                .orElse(false);
    }

    private Optional<String> normalise(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        if (address.contains("@")) {
            return EmailAddress.isValid(address) ? Optional.of(address.strip().toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        return PhoneNumber.parse(address, accounts.current().phoneRegion()).map(PhoneNumber::e164);
    }
}
