package io.portevoix.audience.application;

import io.portevoix.audience.ConsentChange;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.ContactSummary;
import io.portevoix.audience.UniquenessKey;
import io.portevoix.audience.UpsertResult;
import io.portevoix.audience.SentMessage;
import io.portevoix.audience.application.port.Contacts;
import io.portevoix.audience.spi.CommunicationHistory;
import io.portevoix.audience.domain.ContactChanges;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import io.portevoix.shared.PhoneNumber;
import io.portevoix.shared.Sha256;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class ContactService implements ContactCommands, ContactQueries {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final Contacts contacts;
    private final AccountQueries accounts;
    private final AccountCommands accountCommands;
    private final AuditLog audit;
    private final Clock clock;
    private final AttributeService attributes;
    private final ObjectProvider<CommunicationHistory> history;

    ContactService(Contacts contacts, AccountQueries accounts, AccountCommands accountCommands, AuditLog audit,
            Clock clock, AttributeService attributes, ObjectProvider<CommunicationHistory> history) {
        this.attributes = attributes;
        this.history = history;
        this.contacts = contacts;
        this.accounts = accounts;
        this.accountCommands = accountCommands;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public UpsertResult upsert(ContactInput input, ConsentSource source) {
        AccountId account = TenantContext.requireAccount();
        ContactUpserts upserts = upserts();
        Instant now = clock.instant();
        ContactChanges.Result candidate = upserts.create(input, now);
        String uniqueKey = upserts.requireKey(candidate);
        Optional<ContactDetails> existing = contacts.findByUniqueKey(account, uniqueKey);
        if (existing.isPresent()) {
            return new UpsertResult(save(account, upserts, existing.get(), input, source, now), false);
        }
        try {
            contacts.save(account, candidate.contact(), uniqueKey, true);
        } catch (DuplicateKeyException raced) {
            ContactDetails winner = contacts.findByUniqueKey(account, uniqueKey).orElseThrow(() -> raced);
            return new UpsertResult(save(account, upserts, winner, input, source, now), false);
        }
        contacts.appendConsentChanges(account, Map.of(candidate.contact().id(), candidate.consentChanges()), source,
                actor(), now);
        return new UpsertResult(candidate.contact(), true);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public ContactDetails update(ContactId id, ContactInput input, ConsentSource source) {
        AccountId account = TenantContext.requireAccount();
        ContactDetails current = contacts.find(account, id).orElseThrow(() -> new NoSuchElementException("No such contact"));
        return save(account, upserts(), current, input, source, clock.instant());
    }

    private ContactDetails save(AccountId account, ContactUpserts upserts, ContactDetails current, ContactInput input,
            ConsentSource source, Instant now) {
        ContactChanges.Result changed = upserts.update(current, input, now);
        String uniqueKey = upserts.requireKey(changed);
        try {
            contacts.save(account, changed.contact(), uniqueKey, false);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of(upserts.keyField(), "Another contact already has " + uniqueKey);
        }
        contacts.appendConsentChanges(account, Map.of(current.id(), changed.consentChanges()), source, actor(), now);
        return changed.contact();
    }

    /** How inputs apply to the current account's contacts, resolved once for as many contacts as needed. */
    ContactUpserts upserts() {
        return new ContactUpserts(contacts.uniquenessKey(TenantContext.requireAccount()),
                accounts.current().phoneRegion(), name -> accountCommands.ensureSite(name).name(), attributes.schema());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public void erase(ContactId id) {
        AccountId account = TenantContext.requireAccount();
        ContactDetails contact = contacts.find(account, id).orElseThrow(() -> new NoSuchElementException("No such contact"));
        Instant now = clock.instant();
        if (contact.email() != null) {
            contacts.suppress(account, hash(contact.email().toLowerCase(Locale.ROOT)), null, "DO_NOT_CONTACT",
                    "erased (GDPR)", now);
        }
        if (contact.mobile() != null) {
            contacts.suppress(account, hash(contact.mobile()), null, "DO_NOT_CONTACT", "erased (GDPR)", now);
        }
        contacts.erase(account, id, now);
        audit.record("contact.erase", id.toString(), "personal data removed");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void changeUniquenessKey(UniquenessKey key) {
        if (!contacts.changeUniquenessKey(TenantContext.requireAccount(), key)) {
            throw new IllegalArgumentException("Several contacts share the same " + key.name().toLowerCase(Locale.ROOT)
                    + ": merge them before choosing it as the uniqueness key");
        }
        audit.record("contacts.uniqueness-key", key.name(), "");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_EDITOR')")
    public void recordBounce(ContactId id, java.time.Instant at, String reason) {
        String clean = reason == null ? "" : reason.strip();
        contacts.recordBounce(TenantContext.requireAccount(), id, at, clean.length() > 1_000 ? clean.substring(0, 1_000) : clean);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public Optional<io.portevoix.audience.LastBounce> lastBounce(ContactId id) {
        return contacts.lastBounce(TenantContext.requireAccount(), id);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<SentMessage> messages(ContactId id) {
        contacts.find(TenantContext.requireAccount(), id).orElseThrow(() -> new NoSuchElementException("No such contact"));
        return history.orderedStream().flatMap(h -> h.messages(id, 500).stream()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<io.portevoix.audience.ReceivedReply> replies(ContactId id) {
        contacts.find(TenantContext.requireAccount(), id).orElseThrow(() -> new NoSuchElementException("No such contact"));
        return history.orderedStream().flatMap(h -> h.replies(id, 200).stream()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactDetails> findAll(java.util.Collection<ContactId> ids) {
        return contacts.findAll(TenantContext.requireAccount(), ids);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public Optional<ContactDetails> find(ContactId id) {
        return contacts.find(TenantContext.requireAccount(), id);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<ContactDetails> findByEmail(String email) {
        return contacts.findBy(TenantContext.requireAccount(), Contacts.LookUp.EMAIL, email.strip());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<ContactDetails> findByMobile(String mobile) {
        return PhoneNumber.parse(mobile, accounts.current().phoneRegion())
                .map(number -> contacts.findBy(TenantContext.requireAccount(), Contacts.LookUp.MOBILE, number.e164()))
                .orElse(List.of());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<ContactDetails> findByExternalRef(String externalRef) {
        return contacts.findBy(TenantContext.requireAccount(), Contacts.LookUp.EXTERNAL_REF, externalRef.strip());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<ContactSummary> page(ContactFilter filter, PageSpec page) {
        return contacts.page(TenantContext.requireAccount(), filter, page);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public int count(ContactFilter filter) {
        return contacts.count(TenantContext.requireAccount(), filter);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST') or hasRole('TEMPLATES_GUEST')")
    public List<ContactDetails> sample(int limit) {
        return contacts.sample(TenantContext.requireAccount(), Math.clamp(limit, 1, 5_000));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<ConsentChange> consentHistory(ContactId id) {
        return contacts.consentHistory(TenantContext.requireAccount(), id);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('CONTACTS_APPROVER')")
    public String export(ContactId id) {
        AccountId account = TenantContext.requireAccount();
        ContactDetails contact = contacts.find(account, id).orElseThrow(() -> new NoSuchElementException("No such contact"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact", contact);
        data.put("consentHistory", contacts.consentHistory(account, id));
        audit.record("contact.export", id.toString(), "GDPR data export");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public UniquenessKey uniquenessKey() {
        return contacts.uniquenessKey(TenantContext.requireAccount());
    }

    static String actor() {
        return TenantContext.currentActor().map(Actor::displayName).orElse("system");
    }

    static String hash(String address) {
        return Sha256.hex(address);
    }
}
