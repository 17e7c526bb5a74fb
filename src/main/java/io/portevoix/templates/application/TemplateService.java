package io.portevoix.templates.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactId;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.EmailAddress;
import io.portevoix.templates.BrandingBlock;
import io.portevoix.templates.CheckFinding;
import io.portevoix.templates.CreateTemplate;
import io.portevoix.templates.DescribeTemplate;
import io.portevoix.templates.EditableEmail;
import io.portevoix.templates.EditedEmail;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.SanitizedHtml;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateStart;
import io.portevoix.templates.TemplateSummary;
import io.portevoix.templates.application.port.EditorDocuments;
import io.portevoix.templates.application.port.HtmlDocuments;
import io.portevoix.templates.application.port.Templates;
import io.portevoix.templates.domain.EmailDocument;
import io.portevoix.templates.spi.TestMailSender;
import io.portevoix.templates.domain.Template;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AccountSummary;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class TemplateService implements TemplateCommands, TemplateQueries {

    private final Templates templates;
    private final HtmlDocuments documents;
    private final EditorDocuments editorDocuments;
    private final RenderingService rendering;
    private final Starters starters;
    private final AccountQueries accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final TemplatesSettings settings;
    private final TestMailSender testMails;
    private final TransactionTemplate clubTransaction;

    TemplateService(Templates templates, HtmlDocuments documents, EditorDocuments editorDocuments, RenderingService rendering, Starters starters,
            AccountQueries accounts, AuditLog audit, Clock clock, TemplatesSettings settings, TestMailSender testMails,
            PlatformTransactionManager transactions) {
        this.templates = templates;
        this.documents = documents;
        this.editorDocuments = editorDocuments;
        this.rendering = rendering;
        this.starters = starters;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.testMails = testMails;
        this.clubTransaction = new TransactionTemplate(transactions);
        this.clubTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static String actor() {
        return TenantContext.currentActor().map(Actor::displayName).orElse("system");
    }

    private Template load(TemplateId id) {
        return templates.find(TenantContext.requireAccount(), id)
                .orElseThrow(() -> new NoSuchElementException("No such template"));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public TemplateDetails create(CreateTemplate command) {
        AccountId account = TenantContext.requireAccount();
        Instant now = clock.instant();
        EmailContent email = EmailContent.EMPTY;
        String sms = "";
        switch (command.start()) {
            case TemplateStart.Blank blank -> {
                if (command.channel() == Channel.EMAIL) {
                    email = starters.blank(accounts.current().locale());
                }
            }
            case TemplateStart.FromStarter starter -> email = starters.email(starter.starter(), accounts.current().locale());
            case TemplateStart.CopyOf copy -> {
                Template source = load(copy.source());
                if (source.channel() != command.channel()) {
                    throw new IllegalArgumentException("The template to copy is not a " + command.channel() + " template");
                }
                email = source.email();
                sms = source.smsText();
            }
            case TemplateStart.WithContent given -> {
                email = new EmailContent(given.email().subject(), given.email().preheader(),
                        given.email().html().isBlank() && command.channel() == Channel.EMAIL
                                ? starters.blank(accounts.current().locale()).html()
                                : documents.sanitize(given.email().html()).html(), null);
                sms = given.smsText();
            }
            case TemplateStart.ImportedHtml imported -> {
                if (command.channel() != Channel.EMAIL) {
                    throw new IllegalArgumentException("Only e-mail templates are imported from HTML");
                }
                email = new EmailContent("", "", documents.sanitize(imported.html()).html(), null);
            }
        }
        Template template = Template.create(account, command.channel(), command.name(), command.description(),
                command.tags(), command.automationType(), checked(email), checkedSms(sms), actor(), now);
        templates.insert(template);
        audit.record("template.create", template.name(), command.start().getClass().getSimpleName());
        return details(template);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public TemplateDetails describe(TemplateId id, DescribeTemplate command) {
        Template template = load(id);
        template.describe(command.name(), command.description(), command.tags(), command.automationType(),
                command.locked(), actor(), clock.instant());
        templates.update(template);
        audit.record("template.edit", template.name(), "description");
        propagate(template);
        return details(template);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public TemplateDetails saveEmail(TemplateId id, EmailContent content) {
        Template template = load(id);
        template.changeEmail(checked(new EmailContent(content.subject(), content.preheader(),
                documents.sanitize(content.html()).html(), content.editorProject())), actor(), clock.instant());
        templates.update(template);
        propagate(template);
        return details(template);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public TemplateDetails saveEditedEmail(TemplateId id, EditedEmail edited) {
        String html = EmailDocument.document(accounts.current().locale().getLanguage(),
                editorDocuments.finishBody(edited.bodyHtml()),
                EmailDocument.mediaRules(edited.css()));
        return saveEmail(id, new EmailContent(edited.subject(), edited.preheader(), html, edited.projectData()));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public TemplateDetails saveSms(TemplateId id, String text) {
        Template template = load(id);
        template.changeSms(checkedSms(text), actor(), clock.instant());
        templates.update(template);
        propagate(template);
        return details(template);
    }

    private EmailContent checked(EmailContent content) {
        rendering.validate("subject", content.subject());
        rendering.validate("preheader", content.preheader());
        rendering.validate("html", content.html());
        return content;
    }

    private String checkedSms(String text) {
        rendering.validate("text", text);
        return text;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public TemplateDetails duplicate(TemplateId id) {
        Template source = load(id);
        String suffix = "en".equals(accounts.current().locale().getLanguage()) ? " (copy)" : " (copie)";
        String name = source.name().length() + suffix.length() > Template.MAX_NAME
                ? source.name().substring(0, Template.MAX_NAME - suffix.length()) + suffix : source.name() + suffix;
        Template copy = source.duplicate(name, actor(), clock.instant());
        templates.insert(copy);
        audit.record("template.duplicate", copy.name(), "from " + source.name());
        return details(copy);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public void archive(TemplateId id) {
        Template template = load(id);
        template.archive(actor(), clock.instant());
        templates.update(template);
        audit.record("template.archive", template.name(), "");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public void reactivate(TemplateId id) {
        Template template = load(id);
        template.reactivate(actor(), clock.instant());
        templates.update(template);
        audit.record("template.reactivate", template.name(), "");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public void delete(TemplateId id) {
        Template template = load(id);
        if (!template.deletable()) {
            throw new IllegalStateException(template.published()
                    ? "A template shared with the network cannot be deleted; stop sharing it first"
                    : "A locked template of the network cannot be deleted");
        }
        templates.delete(TenantContext.requireAccount(), id);
        audit.record("template.delete", template.name(), "");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_APPROVER')")
    public int publish(TemplateId id) {
        Template template = load(id);
        if (accounts.children().isEmpty()) {
            throw new IllegalStateException("Only a network headquarters with clubs can share templates");
        }
        template.publish(actor(), clock.instant());
        templates.update(template);
        audit.record("template.publish", template.name(), "");
        return propagate(template);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_APPROVER')")
    public void unpublish(TemplateId id) {
        Template template = load(id);
        template.unpublish(actor(), clock.instant());
        templates.update(template);
        audit.record("template.unpublish", template.name(), "");
    }

    /**
     * Sends a published template to every club of the network: a new copy where there is none, the
     * new content where the club has not modified its copy. Each club is written in its own
     * transaction bound to that club, so row-level security applies as for the club's own users.
     */
    private int propagate(Template original) {
        if (!original.published()) {
            return 0;
        }
        String by = actor();
        int reached = 0;
        for (AccountSummary club : accounts.children()) {
            Boolean changed = TenantContext.callAs(club.id(), () -> clubTransaction.execute(status -> {
                Optional<Template> copy = templates.findCopyOf(club.id(), original.id());
                if (copy.isEmpty()) {
                    Template received = Template.networkCopy(club.id(), original, by, clock.instant());
                    templates.insert(received);
                    audit.record("template.networkReceive", received.name(), "from the headquarters");
                    return true;
                }
                Template existing = copy.get();
                if (existing.receiveNetworkUpdate(original, clock.instant())) {
                    templates.update(existing);
                    audit.record("template.networkUpdate", existing.name(), "revision " + original.revision());
                    return true;
                }
                return false;
            }));
            if (Boolean.TRUE.equals(changed)) {
                reached++;
            }
        }
        return reached;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_EDITOR')")
    public int sendTest(TemplateId id, List<String> to, @Nullable ContactId asContact, BroadcastType broadcastType) {
        Template template = load(id);
        if (template.channel() != Channel.EMAIL) {
            throw new IllegalArgumentException("Only e-mail templates can be sent as a test for now");
        }
        List<EmailAddress> recipients = new java.util.ArrayList<>();
        List<io.portevoix.shared.InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        for (String address : to) {
            if (address == null || address.isBlank()) {
                continue;
            }
            try {
                recipients.add(new EmailAddress(address.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new io.portevoix.shared.InvalidInputException.FieldError("to", "Invalid address: " + address.strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new io.portevoix.shared.InvalidInputException(errors);
        }
        if (recipients.isEmpty() || recipients.size() > 10) {
            throw io.portevoix.shared.InvalidInputException.of("to", "A test goes to 1 to 10 addresses");
        }
        if (!testMails.available()) {
            throw new IllegalStateException("No mail server is configured: the test cannot be sent");
        }
        RenderedEmail rendered = rendering.previewEmail(template.email(), asContact, broadcastType);
        RenderedEmail test = new RenderedEmail("[TEST] " + rendered.subject(), rendered.preheader(), rendered.html(),
                rendered.text());
        String fromName = accounts.current().defaultSenderName().isBlank() ? accounts.current().name()
                : accounts.current().defaultSenderName();
        for (EmailAddress recipient : recipients) {
            testMails.send(recipient, accounts.current().defaultSenderEmail(), fromName, "", List.of(), test);
        }
        audit.record("template.testSend", template.name(), recipients.size() + " address(es)");
        return recipients.size();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('TEMPLATES_APPROVER')")
    public void changeStopMention(String mention) {
        String value = mention == null ? "" : mention.strip();
        if (value.isEmpty() || value.length() > 40) {
            throw io.portevoix.shared.InvalidInputException.of("stopMention",
                    "The opt-out mention needs 1 to 40 characters, e.g. \"STOP au 36111\"");
        }
        templates.saveStopMention(TenantContext.requireAccount(), value);
        audit.record("template.stopMention", value, "");
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public Optional<TemplateDetails> find(TemplateId id) {
        return templates.find(TenantContext.requireAccount(), id).map(TemplateService::details);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public List<TemplateSummary> list(TemplateFilter filter) {
        return templates.list(TenantContext.requireAccount(), filter);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public EditableEmail editable(TemplateId id) {
        Template template = load(id);
        return editorDocuments.split(template.email().html(), template.email().editorProject());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public List<BrandingBlock> brandingBlocks() {
        return BrandingBlocks.of(accounts.current(), settings.publicUrl());
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public List<String> tags() {
        return templates.tags(TenantContext.requireAccount());
    }

    @Override
    public SanitizedHtml sanitize(String html) {
        return documents.sanitize(html);
    }

    @Override
    public List<CheckFinding> check(String html, BroadcastType broadcastType) {
        return documents.check(html, broadcastType == BroadcastType.MARKETING);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public String stopMention() {
        return templates.stopMention(TenantContext.requireAccount());
    }

    static TemplateDetails details(Template template) {
        Template.Snapshot s = template.snapshot();
        return new TemplateDetails(s.id(), s.name(), s.description(), s.channel(), s.tags(), s.automationType(),
                s.status(), s.locked(), s.email(), s.smsText(), s.source() != null, s.modifiedLocally(), s.published(),
                s.revision(), s.createdBy(), s.updatedBy(), s.createdAt(), s.updatedAt());
    }
}
