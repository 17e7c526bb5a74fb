package io.portevoix.templates.application;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
import io.portevoix.templates.CompiledEmail;
import io.portevoix.templates.CompiledSms;
import io.portevoix.templates.EmailContent;
import io.portevoix.templates.MergeTag;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.MergeTagProblem;
import io.portevoix.templates.RecipientLinks;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.SmsLength;
import io.portevoix.templates.SmsRange;
import io.portevoix.templates.TemplateRenderer;
import io.portevoix.templates.application.port.HtmlDocuments;
import io.portevoix.templates.application.port.MergeTemplateEngine;
import io.portevoix.templates.application.port.Templates;
import io.portevoix.templates.domain.EmailDocument;
import io.portevoix.templates.domain.MergeTags;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RenderingService implements TemplateRenderer {

    /** Members read to show the shortest and longest rendering of an SMS. */
    static final int SMS_SAMPLE = 2_000;

    private final MergeTemplateEngine engine;
    private final HtmlDocuments documents;
    private final AccountQueries accounts;
    private final ContactQueries contacts;
    private final Templates templates;
    private final Clock clock;

    RenderingService(MergeTemplateEngine engine, HtmlDocuments documents, AccountQueries accounts,
            ContactQueries contacts, Templates templates, Clock clock) {
        this.engine = engine;
        this.documents = documents;
        this.accounts = accounts;
        this.contacts = contacts;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MergeTag> mergeTags() {
        AccountDetails account = accounts.current();
        List<MergeTag> tags = new ArrayList<>();
        MergeTags.CONTACT.forEach((name, example) -> tags.add(new MergeTag("contact." + name, "contact", example)));
        tags.add(new MergeTag("account.name", "account", account.name()));
        tags.add(new MergeTag("account.address", "account", account.address().singleLine()));
        var social = account.social();
        for (var link : List.of(Map.entry("facebook", social.facebook()), Map.entry("instagram", social.instagram()),
                Map.entry("x", social.x()), Map.entry("linkedin", social.linkedin()), Map.entry("youtube", social.youtube()),
                Map.entry("website", social.website()))) {
            tags.add(new MergeTag("account.social." + link.getKey(), "account", link.getValue()));
        }
        for (String link : MergeTags.LINKS) {
            tags.add(new MergeTag(link, "links", "https://…"));
        }
        return List.copyOf(tags);
    }

    @Override
    public void validate(String field, String text) {
        parse(field, text);
    }

    /** Parses and checks every tag of {@code text}: unknown tags are reported together, with their positions. */
    MergeTemplateEngine.Parsed parse(String field, String text) {
        MergeTemplateEngine.Parsed parsed = engine.parse(field, text);
        List<MergeTagProblem> problems = MergeTags.check(field, parsed.references(), parsed.localNames());
        if (!problems.isEmpty()) {
            throw new MergeTagException(problems);
        }
        return parsed;
    }

    @Override
    @Transactional(readOnly = true)
    public CompiledEmail compileEmail(EmailContent content, BroadcastType broadcastType) {
        return compile(content, broadcastType, accounts.current());
    }

    @Override
    @Transactional(readOnly = true)
    public CompiledEmail compileEmail(EmailContent content, BroadcastType broadcastType,
            java.util.function.UnaryOperator<String> htmlMarks, java.util.function.UnaryOperator<String> textMarks) {
        return compile(content, broadcastType, accounts.current(), htmlMarks, textMarks);
    }

    private LiquidEmail compile(EmailContent content, BroadcastType broadcastType, AccountDetails account) {
        return compile(content, broadcastType, account, java.util.function.UnaryOperator.identity(),
                java.util.function.UnaryOperator.identity());
    }

    private LiquidEmail compile(EmailContent content, BroadcastType broadcastType, AccountDetails account,
            java.util.function.UnaryOperator<String> htmlMarks, java.util.function.UnaryOperator<String> textMarks) {
        String html = EmailDocument.withPreheader(content.html(), content.preheader());
        if (broadcastType != BroadcastType.LEGAL && !EmailDocument.hasUnsubscribeLink(html)) {
            html = EmailDocument.withFooter(html, EmailDocument.legalFooter(account.locale()));
        }
        return new LiquidEmail(new MergeValues(account), parse("subject", content.subject()),
                parse("preheader", content.preheader()), parse("html", htmlMarks.apply(html)), parse("text", textMarks.apply(documents.plainText(html))),
                clock);
    }

    @Override
    @Transactional(readOnly = true)
    public CompiledSms compileSms(String text, BroadcastType broadcastType) {
        return compileSms(text, broadcastType, accounts.current());
    }

    private LiquidSms compileSms(String text, BroadcastType broadcastType, AccountDetails account) {
        String full = broadcastType == BroadcastType.MARKETING
                ? withStopMention(text, templates.stopMention(TenantContext.requireAccount())) : text;
        return new LiquidSms(new MergeValues(account), parse("text", full), clock);
    }

    static String withStopMention(String text, String mention) {
        String trimmed = text.stripTrailing();
        return trimmed.isEmpty() ? mention : trimmed + " " + mention;
    }

    @Override
    @Transactional(readOnly = true)
    public RenderedEmail previewEmail(EmailContent content, @Nullable ContactId contact, BroadcastType broadcastType) {
        LiquidEmail email = compile(content, broadcastType, accounts.current());
        @Nullable ContactDetails member = contact == null ? null : contacts.find(contact).orElse(null);
        return member == null ? email.renderExamples() : email.render(member, RecipientLinks.PREVIEW);
    }

    @Override
    @Transactional(readOnly = true)
    public String previewSms(String text, @Nullable ContactId contact, BroadcastType broadcastType) {
        LiquidSms sms = compileSms(text, broadcastType, accounts.current());
        @Nullable ContactDetails member = contact == null ? null : contacts.find(contact).orElse(null);
        return member == null ? sms.renderExamples() : sms.render(member, RecipientLinks.PREVIEW);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TEMPLATES_GUEST')")
    public SmsRange smsRange(String text, BroadcastType broadcastType) {
        LiquidSms sms = compileSms(text, broadcastType, accounts.current());
        List<ContactDetails> sample = contacts.sample(SMS_SAMPLE);
        if (sample.isEmpty()) {
            SmsLength example = SmsLength.of(sms.renderExamples());
            return new SmsRange(0, example, example);
        }
        List<SmsLength> lengths = sample.stream().map(c -> SmsLength.of(sms.render(c, RecipientLinks.PREVIEW))).toList();
        Comparator<SmsLength> byLength = Comparator.<SmsLength>comparingInt(SmsLength::parts).thenComparingInt(SmsLength::units);
        return new SmsRange(sample.size(), lengths.stream().min(byLength).orElseThrow(),
                lengths.stream().max(byLength).orElseThrow());
    }

    /** A compiled e-mail: four parsed texts sharing one set of values per recipient. */
    record LiquidEmail(MergeValues values, MergeTemplateEngine.Parsed subject, MergeTemplateEngine.Parsed preheader,
            MergeTemplateEngine.Parsed html, MergeTemplateEngine.Parsed text, Clock clock) implements CompiledEmail {

        @Override
        public RenderedEmail render(ContactDetails contact, RecipientLinks links) {
            return render(values.of(contact, links, LocalDate.now(clock.withZone(values.account().timeZone()))));
        }

        RenderedEmail renderExamples() {
            return render(values.examples(RecipientLinks.PREVIEW));
        }

        private RenderedEmail render(Map<String, Object> plain) {
            return new RenderedEmail(subject.render(plain).strip(), preheader.render(plain).strip(),
                    html.render(MergeValues.escaped(plain)), text.render(plain));
        }
    }

    /** A compiled SMS text. */
    record LiquidSms(MergeValues values, MergeTemplateEngine.Parsed text, Clock clock) implements CompiledSms {

        @Override
        public String render(ContactDetails contact, RecipientLinks links) {
            return text.render(values.of(contact, links, LocalDate.now(clock.withZone(values.account().timeZone()))));
        }

        String renderExamples() {
            return text.render(values.examples(RecipientLinks.PREVIEW));
        }
    }
}
