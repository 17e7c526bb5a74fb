package io.portevoix.delivery.application;

import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignFilter;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.delivery.SendingDomainDetails;
import io.portevoix.delivery.SendingDomains;
import io.portevoix.delivery.application.port.DnsRecords;
import io.portevoix.delivery.application.port.DomainKeys;
import io.portevoix.delivery.domain.DkimKeyPair;
import io.portevoix.delivery.domain.DomainRecords;
import io.portevoix.delivery.domain.SecretBox;
import io.portevoix.delivery.domain.SendingDomain;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's sending domains: keys are generated here and sealed before they are stored (no
 * {@code PORTEVOIX_SECRET}, no key); the DNS verification stops at the first record DNS does not
 * answer for, and keeps "not checked" for all three then.
 */
@Service
class SendingDomainService implements SendingDomains {

    private final DomainKeys keys;
    private final DnsRecords dns;
    private final DeliverySettings settings;
    private final AccountQueries accounts;
    private final CampaignQueries campaigns;
    private final AuditLog audit;
    private final Clock clock;

    SendingDomainService(DomainKeys keys, DnsRecords dns, DeliverySettings settings, AccountQueries accounts,
            CampaignQueries campaigns, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.dns = dns;
        this.settings = settings;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    /** What seals a domain's private key: bound to the account and the domain, so a copied value does not open. */
    static String purpose(AccountId account, String domain) {
        return "dkim-key:" + account.value() + ":" + domain;
    }

    private DomainRecords records() {
        return new DomainRecords(settings.spfMechanism());
    }

    private SendingDomainDetails details(SendingDomain d) {
        SendingDomain.Check check = d.check();
        return new SendingDomainDetails(d.domain(), d.selector(), d.keyCreatedAt(), check == null ? null : check.at(),
                check != null && check.unreachable(), records().of(d));
    }

    private static void requireEditor() {
        if (!TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR)) {
            throw new AccessDeniedException("Changing sending domains needs the EDITOR level for SETTINGS");
        }
    }

    private SecretBox box() {
        return settings.secretBox().orElseThrow(() -> new IllegalStateException(
                "PORTEVOIX_SECRET is not set (at least 32 characters): DKIM keys cannot be stored encrypted"));
    }

    private static String name(String domain) {
        try {
            return SendingDomain.name(domain);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("domain", e.getMessage());
        }
    }

    private SendingDomain existing(AccountId account, String domain) {
        return keys.find(account, name(domain)).orElseThrow(() -> new NoSuchElementException("No such sending domain"));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SETTINGS_GUEST')")
    public List<SendingDomainDetails> list() {
        return keys.all(TenantContext.requireAccount()).stream().map(this::details).toList();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SETTINGS_GUEST')")
    public List<String> suggestions() {
        TreeSet<String> used = new TreeSet<>();
        List<String> senders = new java.util.ArrayList<>();
        senders.add(accounts.current().defaultSenderEmail());
        senders.add(settings.defaultSender());
        if (TenantContext.currentActorCan(Area.EMAIL_CAMPAIGNS, AccessLevel.GUEST)) {
            campaigns.list(CampaignFilter.ALL).stream().map(CampaignDetails::content).forEach(c -> senders.add(c.fromEmail()));
        }
        for (String sender : senders) {
            try {
                String name = sender.isBlank() ? "" : SendingDomain.name(sender);
                if (!name.isEmpty() && !name.endsWith(".localdomain") && !name.endsWith(".local")) {
                    used.add(name);
                }
            } catch (IllegalArgumentException notADomain) {
                // e.g. noreply@localhost.localdomain of an installation without a public host: nothing to suggest
            }
        }
        keys.all(TenantContext.requireAccount()).forEach(d -> used.remove(d.domain()));
        return List.copyOf(used);
    }

    @Override
    public boolean keysEnabled() {
        return settings.secretBox().isPresent();
    }

    @Override
    @Transactional
    public SendingDomainDetails add(String domain) {
        requireEditor();
        AccountId account = TenantContext.requireAccount();
        String name = name(domain);
        if (keys.find(account, name).isPresent()) {
            throw InvalidInputException.of("domain", "This domain is already a sending domain of the account: " + name);
        }
        SecretBox box = box();
        DkimKeyPair key = DkimKeyPair.generate();
        SendingDomain created = SendingDomain.create(name, key, box.seal(purpose(account, name), key.privateKey()),
                clock.instant());
        keys.save(account, created);
        audit.record("delivery.domain-add", name, "DKIM selector " + created.selector());
        return details(created);
    }

    @Override
    @Transactional
    public SendingDomainDetails rotate(String domain) {
        requireEditor();
        AccountId account = TenantContext.requireAccount();
        SendingDomain current = existing(account, domain);
        SecretBox box = box();
        DkimKeyPair key = DkimKeyPair.generate();
        SendingDomain rotated = current.rotate(key, box.seal(purpose(account, current.domain()), key.privateKey()),
                clock.instant());
        keys.save(account, rotated);
        audit.record("delivery.domain-rotate", current.domain(), current.selector() + " → " + rotated.selector());
        return details(rotated);
    }

    @Override
    @Transactional
    public void delete(String domain) {
        requireEditor();
        AccountId account = TenantContext.requireAccount();
        String name = name(domain);
        if (!keys.delete(account, name)) {
            throw new NoSuchElementException("No such sending domain");
        }
        audit.record("delivery.domain-delete", name, "");
    }

    /** Outside a transaction: no connection is held while DNS answers (or does not). */
    @Override
    @PreAuthorize("hasRole('SETTINGS_GUEST')")
    public SendingDomainDetails verify(String domain) {
        AccountId account = TenantContext.requireAccount();
        SendingDomain current = existing(account, domain);
        DomainRecords records = records();
        Instant now = clock.instant();
        SendingDomain.Check check;
        try {
            check = new SendingDomain.Check(now, false, records.spf(dns.txt(current.domain())),
                    DomainRecords.dkim(current, dns.txt(DomainRecords.dkimName(current))),
                    DomainRecords.dmarc(dns.txt(DomainRecords.dmarcName(current))));
        } catch (DnsRecords.DnsUnreachable unreachable) {
            check = new SendingDomain.Check(now, true, SendingDomain.Found.NOT_CHECKED, SendingDomain.Found.NOT_CHECKED,
                    SendingDomain.Found.NOT_CHECKED);
        }
        SendingDomain checked = current.checked(check);
        keys.save(account, checked);
        return details(checked);
    }
}
