package io.portevoix.campaigns.application;

import io.portevoix.audience.Audience;
import io.portevoix.audience.AudienceCount;
import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactId;
import io.portevoix.billing.CreditReservations;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignCount;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignFilter;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStateException;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunContent;
import io.portevoix.campaigns.RunId;
import io.portevoix.campaigns.RunStatus;
import io.portevoix.campaigns.RunSummary;
import io.portevoix.campaigns.SendResult;
import io.portevoix.campaigns.application.port.Campaigns;
import io.portevoix.campaigns.domain.Lifecycle;
import io.portevoix.campaigns.CampaignStats;
import io.portevoix.campaigns.spi.Engagement;
import io.portevoix.campaigns.spi.EngagementFigures;
import io.portevoix.campaigns.spi.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import io.portevoix.campaigns.spi.RunFigures;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateRenderer;
import io.portevoix.templates.spi.TestMailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-shot campaigns: drafts are edited, a send request is approved (or comes from an approver),
 * and starting a run freezes its recipients into delivery's outbox and reserves one credit per
 * recipient, in one transaction: a send that does not fit the balance leaves nothing behind.
 */
@Service
class CampaignService implements CampaignCommands, CampaignQueries {

    static final int MAX_TEST_ADDRESSES = 20;

    private final Campaigns campaigns;
    private final AudienceQueries audiences;
    private final TemplateRenderer renderer;
    private final TemplateQueries templates;
    private final TestMailSender testMails;
    private final CreditReservations credits;
    private final Outbox outbox;
    private final AccountQueries accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<Engagement> engagement;
    private final SmsPricing pricing;
    private final io.portevoix.billing.SmsRates rates;
    private final io.portevoix.tenancy.SenderIdQueries senderIds;
    private final io.portevoix.campaigns.spi.SenderDomains senderDomains;

    private final org.springframework.context.ApplicationEventPublisher events;

    CampaignService(io.portevoix.campaigns.spi.SenderDomains senderDomains, SmsPricing pricing, io.portevoix.billing.SmsRates rates, io.portevoix.tenancy.SenderIdQueries senderIds,
            ObjectProvider<Engagement> engagement, Campaigns campaigns, AudienceQueries audiences, TemplateRenderer renderer, TemplateQueries templates,
            TestMailSender testMails, CreditReservations credits, Outbox outbox, AccountQueries accounts, AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.senderDomains = senderDomains;
        this.engagement = engagement;
        this.pricing = pricing;
        this.rates = rates;
        this.senderIds = senderIds;
        this.campaigns = campaigns;
        this.audiences = audiences;
        this.renderer = renderer;
        this.templates = templates;
        this.testMails = testMails;
        this.credits = credits;
        this.outbox = outbox;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    private static Area area(Channel channel) {
        return channel == Channel.SMS ? Area.SMS_CAMPAIGNS : Area.EMAIL_CAMPAIGNS;
    }

    private static void require(Channel channel, AccessLevel level) {
        if (!TenantContext.currentActorCan(area(channel), level)) {
            throw new AccessDeniedException("This needs the " + level + " level for " + area(channel));
        }
    }

    private static String actor() {
        return TenantContext.currentActor().map(Actor::displayName).orElse("system");
    }

    private CampaignDetails locked(CampaignId id) {
        return campaigns.lock(TenantContext.requireAccount(), id)
                .orElseThrow(() -> new NoSuchElementException("No such campaign"));
    }

    // ---- editing

    @Override
    @Transactional
    public CampaignDetails create(CampaignDraft draft) {
        Channel channel = draft.channel() == null ? Channel.EMAIL : draft.channel();
        require(channel, AccessLevel.EDITOR);
        Instant now = clock.instant();
        CampaignDetails blank = new CampaignDetails(CampaignId.random(), "", "", channel,
                BroadcastType.INFORMATIVE, Audience.NONE, CampaignContent.EMPTY, CampaignStatus.DRAFT, null, actor(), "", "",
                "", null, now, now);
        CampaignDetails created = checked(merge(blank, draft, now));
        campaigns.insert(TenantContext.requireAccount(), created);
        audit.record("campaign.create", created.name(), created.channel().name());
        return withDefaultSender(created);
    }

    @Override
    @Transactional
    public CampaignDetails update(CampaignId id, CampaignDraft draft) {
        CampaignDetails current = locked(id);
        require(current.channel(), AccessLevel.EDITOR);
        Lifecycle.requireEditable(current.status());
        if (draft.channel() != null && draft.channel() != current.channel()) {
            throw InvalidInputException.of("channel", "A campaign's channel is chosen when it is created");
        }
        CampaignDetails changed = checked(merge(current, draft, clock.instant()));
        campaigns.update(TenantContext.requireAccount(), changed);
        return withDefaultSender(changed);
    }

    private static CampaignDetails merge(CampaignDetails c, CampaignDraft d, Instant now) {
        return new CampaignDetails(c.id(), d.name() == null ? c.name() : d.name().strip(),
                d.description() == null ? c.description() : d.description().strip(), c.channel(),
                d.broadcastType() == null ? c.broadcastType() : d.broadcastType(),
                d.audience() == null ? c.audience() : d.audience(), d.content() == null ? c.content() : d.content(),
                c.status(), c.sendAt(), c.createdBy(), c.submittedBy(), c.reviewedBy(), c.reviewComment(), c.currentRun(),
                c.createdAt(), now);
    }

    /** Every field checked at once; merge tags are checked by the renderer (a 422 naming the tag). */
    private CampaignDetails checked(CampaignDetails c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.name().isEmpty() || c.name().length() > 200) {
            errors.add(new FieldError("name", "A campaign needs a name of at most 200 characters"));
        }
        if (c.description().length() > 2_000) {
            errors.add(new FieldError("description", "At most 2,000 characters"));
        }
        CampaignContent content = c.content();
        for (var address : List.of(new String[] {"fromEmail", content.fromEmail()}, new String[] {"replyTo", content.replyTo()})) {
            if (!address[1].isEmpty()) {
                try {
                    new EmailAddress(address[1]);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(address[0], "Not a valid e-mail address: " + address[1]));
                }
            }
        }
        if (content.fromName().length() > 100) {
            errors.add(new FieldError("fromName", "At most 100 characters"));
        }
        if (content.subject().length() > 500) {
            errors.add(new FieldError("subject", "At most 500 characters"));
        }
        if (c.channel() == Channel.SMS && !content.senderId().isEmpty() && !senderIds.isApproved(content.senderId())) {
            errors.add(new FieldError("senderId", "Not an approved sender ID of this account: " + content.senderId()));
        }
        if (c.channel() == Channel.SMS && content.text().length() > 2_000) {
            errors.add(new FieldError("text", "At most 2,000 characters"));
        }
        if (content.templateId() != null && templates.find(content.templateId()).filter(t -> t.channel() == c.channel())
                .isEmpty()) {
            errors.add(new FieldError("templateId", "No such " + c.channel() + " template in this account"));
        }
        try {
            audiences.check(c.audience());
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        renderer.validate("subject", content.subject());
        renderer.validate("preheader", content.preheader());
        renderer.validate("html", content.html());
        renderer.validate("text", content.text());
        return c;
    }

    @Override
    @Transactional
    public void delete(CampaignId id) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.EDITOR);
        if (c.status() != CampaignStatus.DRAFT) {
            throw new CampaignStateException("Only a draft can be deleted; archive this one instead");
        }
        campaigns.delete(TenantContext.requireAccount(), id);
        audit.record("campaign.delete", c.name(), "");
    }

    @Override
    @Transactional
    public CampaignDetails duplicate(CampaignId id) {
        CampaignDetails source = find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        require(source.channel(), AccessLevel.EDITOR);
        String suffix = "en".equals(accounts.current().locale().getLanguage()) ? " (copy)" : " (copie)";
        String name = source.name().length() > 190 ? source.name().substring(0, 190) : source.name();
        CampaignDetails copy = create(new CampaignDraft(name + suffix, source.description(), source.channel(),
                source.broadcastType(), source.audience(), source.content()));
        campaigns.excludeCountries(TenantContext.requireAccount(), copy.id(),
                campaigns.excludedCountries(TenantContext.requireAccount(), id));
        campaigns.chooseSmtpServers(TenantContext.requireAccount(), copy.id(),
                campaigns.smtpServers(TenantContext.requireAccount(), id));
        return copy;
    }

    @Override
    @Transactional
    public CampaignDetails archive(CampaignId id) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.EDITOR);
        CampaignDetails archived = with(c, Lifecycle.archive(c.status()));
        campaigns.update(TenantContext.requireAccount(), archived);
        audit.record("campaign.archive", c.name(), "");
        return archived;
    }

    private CampaignDetails with(CampaignDetails c, CampaignStatus status) {
        return c.withStatus(status, clock.instant());
    }

    // ---- tests and review

    /** The e-mail as sent: the campaign's own content, or its template's where the campaign leaves it empty. */
    private EmailContent email(CampaignDetails c) {
        CampaignContent content = c.content();
        Optional<TemplateDetails> template = content.templateId() == null ? Optional.empty()
                : templates.find(content.templateId());
        EmailContent base = template.map(TemplateDetails::email).orElse(EmailContent.EMPTY);
        return new EmailContent(content.subject().isEmpty() ? base.subject() : content.subject(),
                content.preheader().isEmpty() ? base.preheader() : content.preheader(),
                content.html().isBlank() ? base.html() : content.html(), null);
    }

    @Override
    @Transactional
    public int sendTest(CampaignId id, List<String> to, @Nullable ContactId asContact) {
        CampaignDetails c = find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        require(c.channel(), AccessLevel.EDITOR);
        if (c.channel() == Channel.SMS) {
            return sendTestSms(c, to, asContact);
        }
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<EmailAddress> addresses = new LinkedHashSet<>();
        for (int i = 0; i < to.size(); i++) {
            try {
                addresses.add(new EmailAddress(to.get(i).strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("to[" + i + "]", "Not a valid e-mail address: " + to.get(i)));
            }
        }
        if (addresses.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("to", "Give at least one address"));
        }
        if (addresses.size() > MAX_TEST_ADDRESSES) {
            errors.add(new FieldError("to", "At most " + MAX_TEST_ADDRESSES + " addresses per test"));
        }
        EmailContent email = email(c);
        if (email.subject().isEmpty() || email.html().isBlank()) {
            errors.add(new FieldError("subject", "The campaign needs a subject and a message (or a template) to be tested"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!testMails.available()) {
            throw new IllegalStateException("No mail server is configured to send the test");
        }
        RenderedEmail rendered = renderer.previewEmail(email, asContact, c.broadcastType());
        RenderedEmail marked = new RenderedEmail("[TEST] " + rendered.subject(), rendered.preheader(), rendered.html(),
                rendered.text());
        String fromName = c.content().fromName().isEmpty() ? accounts.current().name() : c.content().fromName();
        List<java.util.UUID> servers = campaigns.smtpServers(TenantContext.requireAccount(), c.id());
        addresses.forEach(address -> testMails.send(address, c.content().fromEmail(), fromName, c.content().replyTo(),
                servers, marked));
        audit.record("campaign.test", c.name(), addresses.size() + " addresses");
        return addresses.size();
    }

    private int sendTestSms(CampaignDetails c, List<String> to, @Nullable ContactId asContact) {
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<String> numbers = new LinkedHashSet<>();
        String region = accounts.current().phoneRegion();
        for (int i = 0; i < to.size(); i++) {
            Optional<io.portevoix.shared.PhoneNumber> number = io.portevoix.shared.PhoneNumber.parse(to.get(i), region);
            if (number.isEmpty()) {
                errors.add(new FieldError("to[" + i + "]", "Not a valid mobile number: " + to.get(i)));
            } else {
                numbers.add(number.get().e164());
            }
        }
        if (numbers.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("to", "Give at least one mobile number"));
        }
        if (numbers.size() > MAX_TEST_ADDRESSES) {
            errors.add(new FieldError("to", "At most " + MAX_TEST_ADDRESSES + " numbers per test"));
        }
        if (c.content().text().isBlank()) {
            errors.add(new FieldError("text", "The campaign needs a text to be tested"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the links stay as written: a tester follows them, and no member's click is counted
        String text = renderer.previewSms(c.content().text(), asContact, c.broadcastType());
        outbox.sendTestSms(List.copyOf(numbers), c.content().senderId(), text);
        audit.record("campaign.test", c.name(), numbers.size() + " numbers");
        return numbers.size();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public CampaignCount count(CampaignId id) {
        return count(id, null);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public java.util.Set<String> excludedCountries(CampaignId id) {
        find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        return campaigns.excludedCountries(TenantContext.requireAccount(), id);
    }

    @Override
    @Transactional
    public CampaignDetails excludeCountries(CampaignId id, java.util.Set<String> countries) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.EDITOR);
        Lifecycle.requireEditable(c.status());
        if (c.channel() != Channel.SMS) {
            throw InvalidInputException.of("excludeCountries", "Only SMS campaigns have destination countries");
        }
        campaigns.excludeCountries(TenantContext.requireAccount(), id, countries(countries));
        return c;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public List<java.util.UUID> smtpServers(CampaignId id) {
        find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        return campaigns.smtpServers(TenantContext.requireAccount(), id);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public List<io.portevoix.campaigns.spi.MailServerChoice> mailServers() {
        return outbox.mailServers();
    }

    @Override
    @Transactional
    public CampaignDetails chooseSmtpServers(CampaignId id, List<java.util.UUID> servers) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.EDITOR);
        Lifecycle.requireEditable(c.status());
        java.util.Set<java.util.UUID> enabled = outbox.mailServers().stream()
                .map(io.portevoix.campaigns.spi.MailServerChoice::id).collect(java.util.stream.Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        if (c.channel() != Channel.EMAIL && !servers.isEmpty()) {
            errors.add(new FieldError("smtpServers", "Only e-mail campaigns have SMTP servers"));
        }
        for (int i = 0; i < servers.size(); i++) {
            if (!enabled.contains(servers.get(i))) {
                errors.add(new FieldError("smtpServers[" + i + "]", "Not an enabled SMTP server: " + servers.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<java.util.UUID> distinct = List.copyOf(new java.util.LinkedHashSet<>(servers));
        if (!distinct.equals(campaigns.smtpServers(TenantContext.requireAccount(), id))) {
            campaigns.chooseSmtpServers(TenantContext.requireAccount(), id, distinct);
            audit.record("campaign.smtp-servers", c.name(), distinct.isEmpty() ? "the account's servers"
                    : outbox.mailServers().stream().filter(m -> distinct.contains(m.id()))
                            .map(io.portevoix.campaigns.spi.MailServerChoice::name)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        return c;
    }

    private static java.util.Set<String> countries(java.util.Collection<String> given) {
        java.util.Set<String> known = java.util.Set.of(java.util.Locale.getISOCountries());
        java.util.Set<String> countries = new java.util.TreeSet<>();
        List<FieldError> errors = new ArrayList<>();
        int i = 0;
        for (String country : given) {
            String code = country == null ? "" : country.strip().toUpperCase(java.util.Locale.ROOT);
            if (!known.contains(code)) {
                errors.add(new FieldError("excludeCountries[" + i + "]", "Not an ISO 3166-1 alpha-2 country code: " + country));
            }
            countries.add(code);
            i++;
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return countries;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public CampaignCount count(CampaignId id, java.util.@Nullable Set<String> excludeCountries) {
        CampaignDetails c = find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        if (c.channel() == Channel.SMS) {
            return smsCount(c, excludeCountries == null ? campaigns.excludedCountries(TenantContext.requireAccount(), id)
                    : countries(excludeCountries));
        }
        AudienceCount count = audiences.count(c.audience(), c.channel(), c.broadcastType());
        List<String> warnings = new ArrayList<>();
        if (!accounts.current().address().isComplete()) {
            warnings.add("POSTAL_ADDRESS_MISSING");
        }
        if (c.channel() == Channel.EMAIL && !c.content().fromEmail().isEmpty()) {
            warnings.addAll(senderWarnings(senderDomains.state(c.content().fromEmail())));
        }
        return new CampaignCount(count.recipients(), count.excluded(), count.recipients(), credits.available(), warnings);
    }

    /** DKIM_MISSING without a key; SPF/DMARC warnings only for what the last DNS verification did not find. */
    private static List<String> senderWarnings(io.portevoix.campaigns.spi.SenderDomainState state) {
        if (!state.dkimKey()) {
            return List.of("DKIM_MISSING");
        }
        if (!state.verified()) {
            return List.of("DNS_NOT_VERIFIED");
        }
        List<String> warnings = new ArrayList<>();
        if (state.dkimNotPublished()) {
            warnings.add("DKIM_NOT_PUBLISHED");
        }
        if (state.spfMissing()) {
            warnings.add("SPF_MISSING");
        }
        if (state.dmarcMissing()) {
            warnings.add("DMARC_MISSING");
        }
        return warnings;
    }

    private CampaignCount smsCount(CampaignDetails c, java.util.Set<String> excludedCountries) {
        AudienceCount count = audiences.count(c.audience(), c.channel(), c.broadcastType());
        SmsPricing.Table table = new SmsPricing.Table(excludedCountries, rates);
        if (!c.content().text().isBlank()) {
            pricing.each(c, table);
        }
        List<io.portevoix.campaigns.CountryCount> lines = table.lines();
        long recipients = 0;
        long needed = 0;
        long nonAddressable = 0;
        long inExcluded = 0;
        for (io.portevoix.campaigns.CountryCount line : lines) {
            if (line.excluded()) {
                inExcluded += line.recipients();
            } else {
                recipients += line.recipients() - line.nonAddressable();
                nonAddressable += line.nonAddressable();
                needed += line.credits();
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!outbox.smsAvailable()) {
            warnings.add("SMS_GATEWAY_MISSING");
        }
        if (nonAddressable > 0) {
            warnings.add("NON_ADDRESSABLE");
        }
        long available = credits.available();
        if (needed > available) {
            warnings.add("NOT_ENOUGH_CREDITS");
        }
        return new CampaignCount(c.content().text().isBlank() ? count.recipients() : recipients, count.excluded(), needed,
                available, warnings, lines, excludedCountries, nonAddressable, inExcluded);
    }

    // ---- sending

    @Override
    @Transactional
    public SendResult send(CampaignId id, @Nullable Instant at, java.util.@Nullable Set<String> excludeCountries) {
        if (excludeCountries != null) {
            excludeCountries(id, excludeCountries);
        }
        return send(id, at);
    }

    @Override
    @Transactional
    public SendResult send(CampaignId id, @Nullable Instant at) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.EDITOR);
        boolean approver = TenantContext.currentActorCan(area(c.channel()), AccessLevel.APPROVER);
        Instant now = clock.instant();
        if (at != null && at.isBefore(now.minusSeconds(60))) {
            throw InvalidInputException.of("at", "The send time is in the past");
        }
        CampaignStatus next = Lifecycle.requestSend(c.status(), approver, at, now);
        requireSendable(c);
        CampaignDetails requested = c.requested(next, at, actor(), now);
        audit.record("campaign.send", c.name(), next + (at == null ? "" : " at " + at));
        if (next == CampaignStatus.PENDING_APPROVAL) {
            events.publishEvent(new io.portevoix.campaigns.CampaignSubmittedForApproval(TenantContext.requireAccount(),
                    c.id(), c.name(), c.channel(), actor(), audiences.count(c.audience(), c.channel(), c.broadcastType())
                            .recipients(), at));
        }
        return proceed(requested);
    }

    /** Saves the campaign in its new status and starts the run when it is sending. */
    private SendResult proceed(CampaignDetails c) {
        if (c.status() != CampaignStatus.SENDING) {
            campaigns.update(TenantContext.requireAccount(), c);
            return new SendResult(c.status(), null);
        }
        RunId run = startRun(c);
        return new SendResult(CampaignStatus.SENDING, run);
    }

    private void requireSendable(CampaignDetails c) {
        if (c.channel() == Channel.SMS) {
            List<FieldError> errors = new ArrayList<>();
            if (c.content().text().isBlank()) {
                errors.add(new FieldError("text", "An SMS campaign needs a text"));
            }
            if (!c.content().senderId().isEmpty() && !senderIds.isApproved(c.content().senderId())) {
                errors.add(new FieldError("senderId", "The sender ID " + c.content().senderId() + " is not approved"));
            }
            if (c.audience().isEmpty()) {
                errors.add(new FieldError("audience", "Choose who receives the campaign"));
            }
            if (!outbox.smsAvailable()) {
                errors.add(new FieldError("channel", "No SMS gateway is configured in this installation"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return;
        }
        EmailContent email = email(c);
        List<FieldError> errors = new ArrayList<>();
        if (email.subject().isEmpty()) {
            errors.add(new FieldError("subject", "A campaign needs a subject"));
        }
        if (email.html().isBlank()) {
            errors.add(new FieldError("html", "A campaign needs a message or a template"));
        }
        if (c.audience().isEmpty()) {
            errors.add(new FieldError("audience", "Choose who receives the campaign"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Freezes the recipients and reserves their credits; a send that does not fit the balance
     * throws {@link io.portevoix.billing.NotEnoughCreditsException} and the transaction leaves nothing.
     */
    private RunId startRun(CampaignDetails c) {
        AccountId account = TenantContext.requireAccount();
        RunId run = RunId.random();
        long targeted;
        long reserved;
        if (c.channel() == Channel.SMS) {
            long[] frozen = freezeSms(run, c);
            targeted = frozen[0];
            reserved = frozen[1];
        } else {
            targeted = outbox.freeze(run, c.id(), c.audience(), c.channel(), c.broadcastType());
            reserved = targeted;
        }
        if (targeted == 0) {
            throw InvalidInputException.of("audience", "Nothing to send: no recipient is left after the exclusions");
        }
        credits.reserve("run:" + run, reserved, c.name());
        int number = campaigns.runs(account, c.id()).size() + 1;
        String templateName = c.content().templateId() == null ? ""
                : templates.find(c.content().templateId()).map(TemplateDetails::name).orElse("");
        Instant now = clock.instant();
        campaigns.insertRun(account, new Campaigns.StoredRun(run, c.id(), number, RunStatus.SENDING, now, null,
                c.submittedBy().isEmpty() ? actor() : c.submittedBy(), targeted, reserved, c.broadcastType().name(),
                templateName, c.audience().toJson()));
        campaigns.update(account, c.sending(run, now));
        outbox.start(run);
        audit.record("campaign.run", c.name(), targeted + " recipients, run " + number);
        return run;
    }

    /** Writes the addressable recipients outside the excluded countries; returns {recipients, credits}. */
    private long[] freezeSms(RunId run, CampaignDetails c) {
        java.util.Set<String> excluded = campaigns.excludedCountries(TenantContext.requireAccount(), c.id());
        long[] totals = {0, 0};
        List<io.portevoix.campaigns.spi.SmsRecipient> batch = new ArrayList<>(SmsPricing.CHUNK);
        pricing.each(c, priced -> {
            if (!priced.addressable() || excluded.contains(priced.country())) {
                return;
            }
            batch.add(priced.recipient());
            totals[1] += priced.credits();
            if (batch.size() == SmsPricing.CHUNK) {
                totals[0] += outbox.freezeSms(run, c.id(), batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            totals[0] += outbox.freezeSms(run, c.id(), batch);
        }
        return totals;
    }

    @Override
    @Transactional
    public SendResult approve(CampaignId id, String comment) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.APPROVER);
        CampaignStatus next = Lifecycle.approve(c.status(), c.sendAt(), clock.instant());
        requireSendable(c);
        CampaignDetails approved = c.reviewed(next, actor(), clean(comment), clock.instant());
        audit.record("campaign.approve", c.name(), clean(comment));
        return proceed(approved);
    }

    private static String clean(@Nullable String comment) {
        String text = comment == null ? "" : comment.strip();
        return text.length() > 2_000 ? text.substring(0, 2_000) : text;
    }

    @Override
    @Transactional
    public CampaignDetails reject(CampaignId id, String comment) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.APPROVER);
        CampaignDetails rejected = c.reviewed(Lifecycle.reject(c.status()), actor(), clean(comment), clock.instant());
        campaigns.update(TenantContext.requireAccount(), rejected);
        audit.record("campaign.reject", c.name(), clean(comment));
        return rejected;
    }

    @Override
    @Transactional
    public CampaignDetails suspend(CampaignId id) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.APPROVER);
        CampaignDetails suspended = with(c, Lifecycle.suspend(c.status()));
        AccountId account = TenantContext.requireAccount();
        if (c.status() == CampaignStatus.SENDING && c.currentRun() != null) {
            Campaigns.StoredRun run = campaigns.run(account, c.currentRun()).orElseThrow();
            // messages a server has right now will be charged when they end; only the others go back
            long pending = Math.min(outbox.figures(run.id()).waitingCredits(), run.reserved());
            credits.release("run:" + run.id() + ":suspend:" + clock.millis(), pending, c.name() + " (suspended)");
            campaigns.updateRun(account, run.id(), RunStatus.SUSPENDED, run.reserved() - pending, null);
        }
        campaigns.update(account, suspended);
        audit.record("campaign.suspend", c.name(), "");
        return suspended;
    }

    @Override
    @Transactional
    public SendResult resume(CampaignId id) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.APPROVER);
        CampaignStatus next = Lifecycle.resume(c.status(), c.sendAt(), clock.instant());
        AccountId account = TenantContext.requireAccount();
        Optional<Campaigns.StoredRun> run = c.currentRun() == null ? Optional.empty()
                : campaigns.run(account, c.currentRun()).filter(r -> r.status() == RunStatus.SUSPENDED);
        audit.record("campaign.resume", c.name(), "");
        if (run.isEmpty()) {
            return proceed(with(c, next));
        }
        long pending = outbox.figures(run.get().id()).pendingCredits();
        credits.reserve("run:" + run.get().id() + ":resume:" + clock.millis(), pending, c.name() + " (resumed)");
        campaigns.updateRun(account, run.get().id(), RunStatus.SENDING, run.get().reserved() + pending, null);
        campaigns.update(account, with(c, CampaignStatus.SENDING));
        outbox.start(run.get().id());
        return new SendResult(CampaignStatus.SENDING, run.get().id());
    }

    @Override
    @Transactional
    public int resendUnknown(CampaignId id) {
        CampaignDetails c = locked(id);
        require(c.channel(), AccessLevel.APPROVER);
        CampaignStatus next = Lifecycle.resendUnknown(c.status());
        AccountId account = TenantContext.requireAccount();
        if (c.currentRun() == null) {
            throw new CampaignStateException("This campaign has no run to resend");
        }
        Campaigns.StoredRun run = campaigns.run(account, c.currentRun()).orElseThrow();
        int resent = outbox.resendUnknown(run.id());
        if (resent == 0) {
            throw new CampaignStateException("No message of this campaign has an unknown outcome");
        }
        if (run.status() == RunStatus.DONE) {
            // settled already: the unknown ones were charged then, so the run reopens with nothing reserved
            campaigns.updateRun(account, run.id(), RunStatus.SENDING, 0, null);
        }
        campaigns.update(account, with(c, next));
        outbox.start(run.id());
        audit.record("campaign.resendUnknown", c.name(), resent + " messages");
        return resent;
    }

    @Override
    @Transactional
    public void runFinished(RunId id) {
        AccountId account = TenantContext.requireAccount();
        Campaigns.StoredRun run = campaigns.run(account, id).orElseThrow(() -> new NoSuchElementException("No such run"));
        CampaignDetails c = locked(run.campaign());
        Campaigns.StoredRun current = campaigns.run(account, id).orElseThrow();
        RunFigures figures = outbox.figures(id);
        if (current.status() != RunStatus.SENDING || !figures.finished()) {
            return;
        }
        long charged = Math.min(figures.charged(), current.reserved());
        credits.debit("run:" + id, charged, c.name());
        credits.release("run:" + id + ":final", current.reserved() - charged, c.name() + " (not sent)");
        campaigns.updateRun(account, id, RunStatus.DONE, 0, clock.instant());
        if (c.status() == CampaignStatus.SENDING && id.equals(c.currentRun())) {
            campaigns.update(account, with(c, CampaignStatus.SENT));
        }
        audit.record("campaign.sent", c.name(), figures.sent() + " sent, " + figures.failed() + " failed, "
                + figures.unknown() + " unknown");
        events.publishEvent(new io.portevoix.campaigns.CampaignRunFinished(account, c.id(), c.name(), c.channel(),
                current.number(), figures.targeted(), figures.sent(), figures.failed(), figures.unknown()));
    }

    @Override
    @Transactional
    public int startDue() {
        AccountId account = TenantContext.requireAccount();
        int started = 0;
        for (CampaignId id : campaigns.due(account, clock.instant())) {
            CampaignDetails c = locked(id);
            if (c.status() == CampaignStatus.SCHEDULED) {
                startRun(with(c, CampaignStatus.SENDING));
                started++;
            }
        }
        return started;
    }

    // ---- reading

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public Optional<CampaignDetails> find(CampaignId id) {
        return campaigns.find(TenantContext.requireAccount(), id).map(this::withDefaultSender);
    }

    private CampaignDetails withDefaultSender(CampaignDetails c) {
        if (!c.content().fromEmail().isEmpty() || c.channel() != Channel.EMAIL) {
            return c;
        }
        CampaignContent k = c.content();
        String accountSender = accounts.current().defaultSenderEmail();
        return c.withContent(new CampaignContent(k.subject(), k.preheader(), k.html(), k.text(), k.templateId(),
                k.fromName(), accountSender.isBlank() ? outbox.defaultSender() : accountSender, k.replyTo(), k.senderId()));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public List<CampaignDetails> list(CampaignFilter filter) {
        return campaigns.list(TenantContext.requireAccount(), filter);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public List<RunSummary> runs(CampaignId id) {
        AccountId account = TenantContext.requireAccount();
        return campaigns.runs(account, id).stream().map(this::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public Optional<RunSummary> run(RunId id) {
        return campaigns.run(TenantContext.requireAccount(), id).map(this::summary);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public List<io.portevoix.campaigns.spi.RunRecipient> recipients(RunId id, int offset, int limit) {
        campaigns.run(TenantContext.requireAccount(), id).orElseThrow(() -> new NoSuchElementException("No such run"));
        return outbox.recipients(id, offset, Math.min(limit, 1_000));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public byte[] recipientsCsv(RunId id) {
        campaigns.run(TenantContext.requireAccount(), id).orElseThrow(() -> new NoSuchElementException("No such run"));
        boolean french = !"en".equals(accounts.current().locale().getLanguage());
        java.time.ZoneId zone = accounts.current().timeZone();
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        StringBuilder csv = new StringBuilder("\uFEFF").append(french ? "Adresse;État;Envoyé le" : "Address;State;Sent")
                .append("\r\n");
        for (int offset = 0; ; offset += 1_000) {
            List<io.portevoix.campaigns.spi.RunRecipient> page = outbox.recipients(id, offset, 1_000);
            for (var r : page) {
                csv.append(io.portevoix.shared.CsvCells.quoted(r.address())).append(';').append(r.state()).append(';')
                        .append(r.sentAt() == null ? "" : format.format(r.sentAt().atZone(zone))).append("\r\n");
            }
            if (page.size() < 1_000) {
                break;
            }
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private RunSummary summary(Campaigns.StoredRun r) {
        return new RunSummary(r.id(), r.campaign(), r.number(), r.status(), r.startedAt(), r.finishedAt(), r.author(),
                r.targeted(), BroadcastType.valueOf(r.broadcastType()), r.templateName(), Audience.fromJson(r.audience()),
                outbox.figures(r.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean delivering(RunId id) {
        AccountId account = TenantContext.requireAccount();
        return campaigns.run(account, id).filter(run -> run.status() == RunStatus.SENDING)
                .flatMap(run -> campaigns.find(account, run.campaign()))
                .filter(c -> Lifecycle.delivering(c.status())).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<RunId, io.portevoix.campaigns.RunLabel> runLabels(java.util.Collection<RunId> runs) {
        return runs.isEmpty() ? java.util.Map.of() : campaigns.runLabels(TenantContext.requireAccount(), runs);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RunContent> runContent(RunId id) {
        AccountId account = TenantContext.requireAccount();
        return campaigns.run(account, id).flatMap(run -> campaigns.find(account, run.campaign()).map(c -> {
            CampaignDetails resolved = withDefaultSender(c);
            EmailContent email = email(resolved);
            CampaignContent k = resolved.content();
            CampaignContent sent = new CampaignContent(email.subject(), email.preheader(), email.html(), k.text(),
                    k.templateId(), k.fromName().isEmpty() ? accounts.current().name() : k.fromName(), k.fromEmail(),
                    k.replyTo(), k.senderId());
            return new RunContent(id, c.id(), c.channel(), c.broadcastType(), sent,
                    run.status() == RunStatus.SENDING && Lifecycle.delivering(c.status()),
                    campaigns.smtpServers(account, c.id()));
        }));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public RenderedEmail preview(CampaignId id, @Nullable ContactId contact) {
        CampaignDetails c = find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        return renderer.previewEmail(email(c), contact, c.broadcastType());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public CampaignStats stats(CampaignId id) {
        find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        long targeted = 0;
        long sent = 0;
        long failed = 0;
        long unknown = 0;
        long pending = 0;
        long delivered = 0;
        long undelivered = 0;
        long parts = 0;
        long used = 0;
        long stops = 0;
        long bounced = 0;
        for (Campaigns.StoredRun run : campaigns.runs(TenantContext.requireAccount(), id)) {
            RunFigures f = outbox.figures(run.id());
            delivered += f.delivered();
            undelivered += f.undelivered();
            parts += f.parts();
            used += f.chargedCredits();
            stops += f.stops();
            bounced += f.bounced();
            targeted += f.targeted();
            sent += f.sent();
            failed += f.failed();
            unknown += f.unknown();
            pending += f.pending();
        }
        EngagementFigures engagement = this.engagement.orderedStream().findFirst().map(e -> e.figures(id))
                .orElse(EngagementFigures.NONE);
        // bounced: refused by the server when handed over (FAILED), or bounced after it left
        return new CampaignStats(targeted, sent, failed + undelivered, failed + bounced, unknown, pending, engagement, delivered,
                undelivered, parts, used, stops);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public List<io.portevoix.campaigns.OpensOverTime> opensOverTime(CampaignId id) {
        find(id).orElseThrow(() -> new NoSuchElementException("No such campaign"));
        List<Campaigns.StoredRun> runs = campaigns.runs(TenantContext.requireAccount(), id);
        Optional<Engagement> tracking = engagement.orderedStream().findFirst();
        if (runs.isEmpty() || tracking.isEmpty()) {
            return List.of();
        }
        Instant first = runs.getLast().startedAt();
        Duration elapsed = Duration.between(first, clock.instant());
        Duration bucket = elapsed.compareTo(Duration.ofHours(6)) <= 0 ? Duration.ofMinutes(10)
                : elapsed.compareTo(Duration.ofDays(3)) <= 0 ? Duration.ofHours(1) : Duration.ofDays(1);
        Instant from = first.truncatedTo(bucket.compareTo(Duration.ofHours(1)) < 0 ? java.time.temporal.ChronoUnit.MINUTES
                : java.time.temporal.ChronoUnit.HOURS);
        from = from.minusSeconds(from.getEpochSecond() % Math.min(bucket.toSeconds(), 3_600));
        int elapsedBuckets = (int) Math.min(60, Duration.between(from, clock.instant()).dividedBy(bucket) + 1);
        // at least six bars, the current one last (a young campaign shows the minutes before it too)
        int buckets = Math.max(6, elapsedBuckets);
        from = from.minus(bucket.multipliedBy(buckets - elapsedBuckets));
        return tracking.get().opensOverTime(id, from, bucket, buckets);
    }

    @Override
    @Transactional(readOnly = true)
    public long pendingApprovals() {
        return campaigns.count(TenantContext.requireAccount(), CampaignStatus.PENDING_APPROVAL);
    }
}
