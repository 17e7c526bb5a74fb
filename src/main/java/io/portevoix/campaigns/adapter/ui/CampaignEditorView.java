package io.portevoix.campaigns.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.ContactSummary;
import io.portevoix.audience.ImportQueries;
import io.portevoix.audience.SegmentQueries;
import io.portevoix.audience.adapter.ui.picker.AudiencePicker;
import io.portevoix.billing.NotEnoughCreditsException;
import io.portevoix.campaigns.CampaignCommands;
import io.portevoix.campaigns.CampaignContent;
import io.portevoix.campaigns.CampaignCount;
import io.portevoix.campaigns.CampaignDetails;
import io.portevoix.campaigns.CampaignDraft;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.campaigns.CampaignQueries;
import io.portevoix.campaigns.CampaignStateException;
import io.portevoix.campaigns.CampaignStatus;
import io.portevoix.campaigns.RunSummary;
import io.portevoix.campaigns.SendResult;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.audience.Channel;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.RenderedEmail;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.templates.TemplateSummary;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A campaign, step by step: details, audience, content, test, review and send. The side shows
 * where you are; every step saves the draft. Once the campaign has left the draft state the steps
 * are read-only and the page shows its figures (refreshed every two seconds while it sends) and
 * its history, run by run, with the audience each used.
 */
@Route("campaigns/:id")
@PageTitle("Porte-Voix")
@RolesAllowed({"EMAIL_CAMPAIGNS_GUEST", "SMS_CAMPAIGNS_GUEST"})
final class CampaignEditorView extends Main implements BeforeEnterObserver {

    private static final List<String> STEPS = List.of("details", "audience", "content", "test", "review");
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final CampaignQueries queries;
    private final CampaignCommands commands;
    private final TemplateQueries templates;
    private final ContactQueries contacts;
    private final AudiencePicker picker;
    private final NumberFormat numbers;
    private boolean editor;
    private boolean approver;
    private final io.portevoix.templates.TemplateRenderer renderer;
    private final io.portevoix.tenancy.SenderIdQueries senderIds;
    private final io.portevoix.tenancy.AccountQueries accounts;
    private final ComboBox<String> senderId = new ComboBox<>();
    private final com.vaadin.flow.component.combobox.MultiSelectComboBox<io.portevoix.campaigns.spi.MailServerChoice> smtpServers =
            new com.vaadin.flow.component.combobox.MultiSelectComboBox<>();
    private io.portevoix.templates.adapter.ui.composer.SmsComposer composer;
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Select<BroadcastType> type = new Select<>();
    private final ComboBox<TemplateSummary> template = new ComboBox<>();
    private final TextField subject = new TextField();
    private final TextField preheader = new TextField();
    private final TextField fromName = new TextField();
    private final EmailField fromEmail = new EmailField();
    private final EmailField replyTo = new EmailField();
    private final Div stepper = new Div();
    private final Div body = new Div();
    private final Div figures = new Div();
    private CampaignDetails campaign;
    private int step;

    CampaignEditorView(CampaignQueries queries, CampaignCommands commands, TemplateQueries templates,
            ContactQueries contacts, AudienceQueries audiences, SegmentQueries segments, ImportQueries imports,
            AttributeSettings attributes, io.portevoix.templates.TemplateRenderer renderer,
            io.portevoix.tenancy.SenderIdQueries senderIds, io.portevoix.tenancy.AccountQueries accounts) {
        this.renderer = renderer;
        this.accounts = accounts;
        this.senderIds = senderIds;
        this.queries = queries;
        this.commands = commands;
        this.templates = templates;
        this.contacts = contacts;
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        this.picker = new AudiencePicker(audiences, segments, imports, contacts, attributes);
        addClassName("pv-view");
        addClassName("pv-campaign-editor");
        name.setLabel(getTranslation("campaign.name"));
        name.setId("campaign-name");
        name.setWidthFull();
        name.setHelperText(getTranslation("campaign.name.help"));
        description.setLabel(getTranslation("campaign.description"));
        description.setWidthFull();
        type.setLabel(getTranslation("campaign.type"));
        type.setItems(BroadcastType.values());
        type.setItemLabelGenerator(t -> getTranslation("broadcast." + t.name()));
        type.setHelperText(getTranslation("campaign.type.help"));
        type.setId("campaign-type");
        type.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                picker.countFor(channel(), e.getValue());
                if (composer != null) {
                    composer.lockBroadcastType(e.getValue());
                }
            }
        });
        senderId.setLabel(getTranslation("campaign.sms.sender"));
        senderId.setHelperText(getTranslation("campaign.sms.sender.help"));
        senderId.setItemLabelGenerator(v -> v.isEmpty() ? getTranslation("campaign.sms.sender.shared") : v);
        senderId.setId("campaign-sender");
        senderId.setWidth("380px");
        senderId.addValueChangeListener(e -> {
            if (composer != null) {
                composer.showSender(senderId.getItemLabelGenerator().apply(e.getValue() == null ? "" : e.getValue()));
            }
        });
        template.setLabel(getTranslation("campaign.template"));
        template.setItems(templates.list(new TemplateFilter(null, Channel.EMAIL, TemplateStatus.ACTIVE, null)));
        template.setItemLabelGenerator(TemplateSummary::name);
        template.setClearButtonVisible(true);
        template.setId("campaign-template");
        template.setWidthFull();
        subject.setLabel(getTranslation("campaign.subject"));
        subject.setHelperText(getTranslation("campaign.subject.help"));
        subject.setId("campaign-subject");
        subject.setWidthFull();
        preheader.setLabel(getTranslation("campaign.preheader"));
        preheader.setWidthFull();
        fromName.setLabel(getTranslation("campaign.fromName"));
        fromEmail.setLabel(getTranslation("campaign.fromEmail"));
        replyTo.setLabel(getTranslation("campaign.replyTo"));
        replyTo.setHelperText(getTranslation("campaign.replyTo.help"));
        smtpServers.setLabel(getTranslation("campaign.smtpServers"));
        smtpServers.setPlaceholder(getTranslation("campaign.smtpServers.account"));
        smtpServers.setHelperText(getTranslation("campaign.smtpServers.help"));
        smtpServers.setItemLabelGenerator(io.portevoix.campaigns.spi.MailServerChoice::name);
        smtpServers.setId("campaign-smtp-servers");
        stepper.addClassName("pv-stepper");
        body.addClassName("pv-step-body");
        HorizontalLayout layout = new HorizontalLayout(stepper, body);
        layout.setWidthFull();
        layout.expand(body);
        figures.setId("campaign-figures");
        add(figures, layout);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            CampaignId id = new CampaignId(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
            campaign = queries.find(id).orElse(null);
        } catch (IllegalArgumentException e) {
            campaign = null;
        }
        if (campaign == null) {
            event.forwardTo(CampaignListView.class);
            return;
        }
        Area area = campaign.channel() == Channel.SMS ? Area.SMS_CAMPAIGNS : Area.EMAIL_CAMPAIGNS;
        editor = TenantContext.currentActorCan(area, AccessLevel.EDITOR);
        approver = TenantContext.currentActorCan(area, AccessLevel.APPROVER);
        load(campaign);
        step = campaign.editable() ? 0 : STEPS.size() - 1;
        show();
    }

    private Channel channel() {
        return campaign == null ? Channel.EMAIL : campaign.channel();
    }

    private void load(CampaignDetails c) {
        if (c.channel() == Channel.SMS) {
            List<String> senders = new ArrayList<>();
            senders.add("");
            senders.addAll(senderIds.approved());
            if (!c.content().senderId().isEmpty() && !senders.contains(c.content().senderId())) {
                senders.add(c.content().senderId());
            }
            senderId.setItems(senders);
            senderId.setValue(c.content().senderId());
            composer = new io.portevoix.templates.adapter.ui.composer.SmsComposer(renderer, renderer.mergeTags(),
                    c.content().text(), templates.stopMention(), c.editable() && editor);
            composer.lockBroadcastType(c.broadcastType());
            composer.showSender(senderId.getItemLabelGenerator().apply(c.content().senderId()));
        }
        name.setValue(c.name());
        description.setValue(c.description());
        type.setValue(c.broadcastType());
        CampaignContent k = c.content();
        template.setValue(k.templateId() == null ? null : template.getListDataView().getItems()
                .filter(t -> t.id().equals(k.templateId())).findFirst().orElse(null));
        subject.setValue(k.subject());
        preheader.setValue(k.preheader());
        fromName.setValue(k.fromName());
        fromEmail.setValue(k.fromEmail());
        replyTo.setValue(k.replyTo());
        if (c.channel() == Channel.EMAIL) {
            List<io.portevoix.campaigns.spi.MailServerChoice> choices = queries.mailServers();
            List<UUID> chosen = queries.smtpServers(c.id());
            smtpServers.setItems(choices);
            smtpServers.setValue(choices.stream().filter(m -> chosen.contains(m.id())).toList());
        }
        List<ContactSummary> picked = new ArrayList<>();
        if (!c.audience().contactIds().isEmpty()) {
            contacts.findAll(c.audience().contactIds()).forEach(d -> picked.add(new ContactSummary(d.id(), d.firstName(),
                    d.lastName(), d.email(), d.mobile(), d.status(), d.site(), d.primary(), false, false, d.createdAt())));
        }
        picker.countFor(c.channel(), c.broadcastType());
        picker.setValue(c.audience(), picked);
        boolean readOnly = !c.editable() || !editor;
        for (var field : List.of(name, description, subject, preheader, fromName, fromEmail, replyTo)) {
            field.setReadOnly(readOnly);
        }
        type.setReadOnly(readOnly);
        template.setReadOnly(readOnly);
        senderId.setReadOnly(readOnly);
        smtpServers.setReadOnly(readOnly);
        picker.setReadOnly(readOnly);
    }

    /** Saves the draft from the fields; false (with the problems shown) when something is invalid. */
    private boolean save() {
        if (!campaign.editable() || !editor) {
            return true;
        }
        try {
            if (campaign.channel() == Channel.SMS) {
                campaign = commands.update(campaign.id(), new CampaignDraft(name.getValue(), description.getValue(), null,
                        type.getValue(), picker.getValue(), new CampaignContent("", "", "", composer.value(), null, "", "", "",
                                senderId.getValue() == null ? "" : senderId.getValue())));
                return true;
            }
            campaign = commands.update(campaign.id(), new CampaignDraft(name.getValue(), description.getValue(), null,
                    type.getValue(), picker.getValue(), new CampaignContent(subject.getValue(), preheader.getValue(),
                            campaign.content().html(), campaign.content().text(),
                            template.getValue() == null ? null : template.getValue().id(), fromName.getValue(),
                            fromEmail.getValue(), replyTo.getValue(), "")));
            List<UUID> servers = smtpServers.getValue().stream().map(io.portevoix.campaigns.spi.MailServerChoice::id).toList();
            if (!new java.util.HashSet<>(servers).equals(new java.util.HashSet<>(queries.smtpServers(campaign.id())))) {
                campaign = commands.chooseSmtpServers(campaign.id(), servers);
            }
            return true;
        } catch (InvalidInputException e) {
            error(e.errors().stream().map(f -> f.field() + " : " + f.message()).reduce((a, b) -> a + " · " + b)
                    .orElse(e.getMessage()));
        } catch (MergeTagException e) {
            error(e.getMessage());
        }
        return false;
    }

    private void go(int next) {
        if (save()) {
            step = next;
            show();
        }
    }

    private void show() {
        stepper.removeAll();
        for (int i = 0; i < STEPS.size(); i++) {
            int index = i;
            Button item = new Button((i + 1) + ". " + getTranslation("campaign.step." + STEPS.get(i)), e -> go(index));
            item.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            item.addClassName("pv-step");
            item.setId("step-" + STEPS.get(i));
            if (i == step) {
                item.addClassName("pv-step-current");
                item.getElement().setAttribute("aria-current", "step");
            }
            stepper.add(item);
        }
        body.removeAll();
        body.add(new H2(getTranslation("campaign.step." + STEPS.get(step))));
        switch (STEPS.get(step)) {
            case "details" -> body.add(form(name, type, description));
            case "audience" -> body.add(new Paragraph(getTranslation("campaign.audience.help")), picker);
            case "content" -> body.add(content());
            case "test" -> body.add(test());
            default -> body.add(review());
        }
        if (step < STEPS.size() - 1) {
            Button next = new Button(getTranslation("campaign.next"), VaadinIcon.ARROW_RIGHT.create(), e -> go(step + 1));
            next.setIconAfterText(true);
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            next.setId("step-next");
            body.add(new Div(next));
        }
        showFigures();
    }

    private static FormLayout form(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("800px", 2));
        return form;
    }

    private Component smsContent() {
        ComboBox<TemplateSummary> start = new ComboBox<>(getTranslation("campaign.sms.template"));
        start.setItems(templates.list(new TemplateFilter(null, Channel.SMS, TemplateStatus.ACTIVE, null)));
        start.setItemLabelGenerator(TemplateSummary::name);
        start.setHelperText(getTranslation("campaign.sms.template.help"));
        start.setId("campaign-sms-template");
        start.setWidth("320px");
        start.setVisible(campaign.editable() && editor);
        start.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                templates.find(e.getValue().id()).ifPresent(t -> composer.setValue(t.smsText()));
            }
        });
        Anchor request = new Anchor("settings/sender-ids", getTranslation("campaign.sms.sender.request"));
        HorizontalLayout sender = new HorizontalLayout(senderId, request);
        sender.setAlignItems(FlexComponent.Alignment.BASELINE);
        return new Div(new Paragraph(getTranslation("campaign.sms.content.help")), start, sender, composer);
    }

    private Component content() {
        if (campaign.channel() == Channel.SMS) {
            return smsContent();
        }
        Button preview = new Button(getTranslation("campaign.preview"), VaadinIcon.EYE.create(), e -> {
            if (save()) {
                preview(null);
            }
        });
        preview.setId("campaign-preview");
        Div actions = new Div(preview);
        if (template.getValue() != null) {
            actions.add(new Anchor("templates/" + template.getValue().id() + "/email", getTranslation("campaign.editTemplate")));
        }
        FormLayout form = form(template, subject, preheader, fromName, fromEmail, replyTo);
        if (!smtpServers.getListDataView().getItems().toList().isEmpty()) {
            form.add(smtpServers);
            form.setColspan(smtpServers, 2);
        }
        form.setColspan(template, 2);
        form.setColspan(subject, 2);
        form.setColspan(preheader, 2);
        return new Div(new Paragraph(getTranslation("campaign.content.help")), form, actions);
    }

    private void preview(@Nullable ContactSummary as) {
        RenderedEmail email = queries.preview(campaign.id(), as == null ? null : as.id());
        Dialog dialog = new Dialog(email.subject());
        IFrame frame = new IFrame();
        frame.setSrcdoc(email.html());
        frame.getElement().setAttribute("sandbox", "");
        frame.setWidth("720px");
        frame.setHeight("70vh");
        dialog.add(new Paragraph(email.preheader()), frame);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private Component test() {
        boolean sms = campaign.channel() == Channel.SMS;
        TextArea to = new TextArea(getTranslation(sms ? "campaign.test.numbers" : "campaign.test.to"));
        to.setHelperText(getTranslation(sms ? "campaign.test.numbers.help" : "campaign.test.to.help"));
        to.setValue(sms ? "" : TenantContext.currentActor().map(Actor::displayName).filter(n -> n.contains("@")).orElse(""));
        to.setWidthFull();
        to.setId("campaign-test-to");
        ComboBox<ContactSummary> as = new ComboBox<>(getTranslation("campaign.test.as"));
        as.setItems(query -> contacts.page(new ContactFilter(query.getFilter().orElse(null), null),
                new PageSpec(query.getOffset(), query.getLimit())).stream());
        as.setItemLabelGenerator(c -> ((c.firstName() == null ? "" : c.firstName()) + " "
                + (c.lastName() == null ? "" : c.lastName())).strip() + Optional.ofNullable(sms ? c.mobile() : c.email())
                        .map(a -> " · " + a).orElse(""));
        as.setWidthFull();
        as.setId("campaign-test-as");
        Button send = new Button(getTranslation("campaign.test.send"), VaadinIcon.ENVELOPE_O.create(), e -> {
            try {
                int sent = commands.sendTest(campaign.id(), Arrays.stream(to.getValue().split(sms ? "[,;\\n]+" : "[,;\\s]+"))
                        .filter(a -> !a.isBlank()).toList(), as.getValue() == null ? null : as.getValue().id());
                Notification.show(getTranslation(sms ? "campaign.test.sent.sms" : "campaign.test.sent", sent), 4000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException | IllegalStateException ex) {
                error(ex.getMessage());
            }
        });
        send.setId("campaign-test-send");
        send.setEnabled(editor);
        Button preview = new Button(getTranslation("campaign.preview"), VaadinIcon.EYE.create(), e -> preview(as.getValue()));
        preview.setVisible(!sms);
        if (sms) {
            send.setIcon(VaadinIcon.MOBILE.create());
        }
        return new Div(new Paragraph(getTranslation(sms ? "campaign.test.help.sms" : "campaign.test.help")), form(to, as), new HorizontalLayout(send, preview));
    }

    private Component review() {
        Div review = new Div();
        review.addClassName("pv-review");
        CampaignCount count = queries.count(campaign.id());
        Span recipients = new Span(getTranslation("picker.recipients", numbers.format(count.recipients())));
        recipients.addClassName("pv-live-count");
        recipients.setId("review-recipients");
        review.add(recipients);
        Div exclusions = new Div();
        exclusions.setId("review-exclusions");
        count.excluded().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            Span badge = new Span(getTranslation("exclusion." + e.getKey().name()) + " : " + numbers.format(e.getValue()));
            badge.getElement().getThemeList().add("badge contrast");
            badge.addClassName("pv-exclusion");
            exclusions.add(badge);
        });
        review.add(exclusions);
        if (campaign.channel() == Channel.SMS) {
            review.add(countries(count));
        }
        Paragraph credits = new Paragraph(getTranslation("campaign.credits", numbers.format(count.credits()),
                numbers.format(count.available())));
        credits.setId("review-credits");
        review.add(credits);
        if (count.credits() > count.available() && campaign.editable()) {
            Paragraph short_ = new Paragraph(getTranslation("campaign.credits.short"));
            short_.addClassName("pv-error-text");
            review.add(short_, new Anchor("credits", getTranslation("campaign.credits.get")));
        }
        count.warnings().forEach(w -> {
            Paragraph warning = new Paragraph(VaadinIcon.WARNING.create(), new Span(" " + getTranslation("campaign.warning." + w)));
            warning.addClassName("pv-warning");
            review.add(warning);
        });
        if (campaign.editable() && editor) {
            DateTimePicker at = new DateTimePicker(getTranslation("campaign.sendAt"));
            at.setHelperText(getTranslation("campaign.sendAt.help"));
            at.setMin(LocalDateTime.now(ZONE));
            at.setId("campaign-send-at");
            Button send = new Button(getTranslation(approver ? "campaign.send" : "campaign.submit"), VaadinIcon.PAPERPLANE.create(),
                    e -> send(at.getValue() == null ? null : at.getValue().atZone(ZONE).toInstant()));
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            send.setId("campaign-send");
            HorizontalLayout line = new HorizontalLayout(at, send);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            review.add(line);
        }
        if (campaign.status() == CampaignStatus.PENDING_APPROVAL) {
            review.add(new Paragraph(getTranslation("campaign.pending", campaign.submittedBy())));
            if (approver) {
                TextArea comment = new TextArea(getTranslation("campaign.review.comment"));
                comment.setWidthFull();
                comment.setId("campaign-review-comment");
                Button approve = new Button(getTranslation("campaign.approve"), VaadinIcon.CHECK.create(),
                        e -> act(() -> commands.approve(campaign.id(), comment.getValue())));
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
                approve.setId("campaign-approve");
                Button reject = new Button(getTranslation("campaign.reject"), VaadinIcon.CLOSE.create(),
                        e -> act(() -> commands.reject(campaign.id(), comment.getValue())));
                reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
                reject.setId("campaign-reject");
                review.add(comment, new HorizontalLayout(approve, reject));
            }
        }
        if (!campaign.reviewComment().isEmpty()) {
            review.add(new Paragraph(getTranslation("campaign.reviewed", campaign.reviewedBy(), campaign.reviewComment())));
        }
        return review;
    }

    /**
     * The per-country table of an SMS campaign: each country can be left out of the send, or taken
     * back; an excluded country stays listed, greyed and struck through, and the footer adds up what
     * is really sent.
     */
    private Component countries(CampaignCount count) {
        Grid<io.portevoix.campaigns.CountryCount> grid = new Grid<>();
        grid.addComponentColumn(line -> {
            Button toggle = new Button(line.excluded() ? VaadinIcon.PLUS.create() : VaadinIcon.CLOSE_SMALL.create(), e -> {
                java.util.Set<String> excluded = new java.util.TreeSet<>(count.excludedCountries());
                if (!excluded.remove(line.country())) {
                    excluded.add(line.country());
                }
                act(() -> commands.excludeCountries(campaign.id(), excluded));
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            toggle.getElement().setAttribute("aria-label", getTranslation(line.excluded() ? "campaign.sms.include"
                    : "campaign.sms.exclude", line.country()));
            toggle.getElement().setAttribute("title", getTranslation(line.excluded() ? "campaign.sms.include"
                    : "campaign.sms.exclude", line.country()));
            toggle.addClassName("pv-country-toggle");
            toggle.setId("country-toggle-" + line.country());
            toggle.setEnabled(campaign.editable() && editor);
            return toggle;
        }).setWidth("64px").setFlexGrow(0);
        var destination = grid.addComponentColumn(line -> {
            Span country = new Span(java.util.Locale.of("", line.country()).getDisplayCountry(getLocale()));
            Span code = new Span(line.country());
            code.addClassName("pv-country-code");
            Span cell = new Span(country, code);
            cell.addClassName("pv-country");
            if (line.excluded()) {
                Span badge = new Span(getTranslation("campaign.sms.excluded"));
                badge.getElement().getThemeList().add("badge contrast small");
                badge.addClassName("pv-country-excluded");
                cell.add(badge);
            }
            return cell;
        }).setHeader(getTranslation("campaign.sms.country")).setWidth("150px").setFlexGrow(2);
        figureColumn(grid, count, io.portevoix.campaigns.CountryCount::recipients, "campaign.sms.recipients").setWidth("104px");
        figureColumn(grid, count, io.portevoix.campaigns.CountryCount::nonAddressable, "campaign.sms.nonAddressable");
        var one = figureColumn(grid, count, io.portevoix.campaigns.CountryCount::onePart, "campaign.sms.parts1");
        var two = figureColumn(grid, count, io.portevoix.campaigns.CountryCount::twoParts, "campaign.sms.parts2");
        var three = figureColumn(grid, count, io.portevoix.campaigns.CountryCount::threeOrMoreParts, "campaign.sms.parts3");
        figureColumn(grid, count, io.portevoix.campaigns.CountryCount::totalParts, "campaign.sms.totalParts");
        var credits = grid.addColumn(line -> line.rate() == null ? getTranslation("campaign.sms.noPrice")
                        : numbers.format(line.credits()))
                .setHeader(wrapping(getTranslation("campaign.sms.credits"))).setWidth("84px").setFlexGrow(1)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        credits.setFooter(numbers.format(count.byCountry().stream().filter(l -> !l.excluded() && l.rate() != null)
                .mapToLong(io.portevoix.campaigns.CountryCount::credits).sum()));
        destination.setFooter(getTranslation("campaign.sms.sentTotal"));
        var groups = grid.prependHeaderRow();
        Span lengths = wrapping(getTranslation("campaign.sms.partsPerRecipient"));
        lengths.addClassName("pv-group-header");
        groups.join(one, two, three).setComponent(lengths);
        grid.setPartNameGenerator(line -> line.excluded() ? "pv-excluded-country" : null);
        grid.setItems(count.byCountry());
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addClassName("pv-sms-countries");
        grid.setId("sms-countries");
        Div box = new Div(new H3(getTranslation("campaign.sms.byCountry")), grid);
        box.addClassName("pv-sms-countries-box");
        if (count.nonAddressable() > 0 || count.inExcludedCountries() > 0) {
            Paragraph left = new Paragraph(getTranslation("campaign.sms.left", numbers.format(count.nonAddressable()),
                    numbers.format(count.inExcludedCountries())));
            left.addClassName("pv-secondary");
            left.setId("sms-countries-left");
            box.add(left);
        }
        return box;
    }

    /** A right-aligned figure of the per-country table, its footer the sum over the countries sent to. */
    private Grid.Column<io.portevoix.campaigns.CountryCount> figureColumn(Grid<io.portevoix.campaigns.CountryCount> grid,
            CampaignCount count, java.util.function.ToLongFunction<io.portevoix.campaigns.CountryCount> value, String key) {
        return grid.addColumn(line -> numbers.format(value.applyAsLong(line))).setHeader(wrapping(getTranslation(key)))
                .setFooter(numbers.format(count.byCountry().stream().filter(l -> !l.excluded()).mapToLong(value).sum()))
                .setWidth("84px").setFlexGrow(1).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    /** A column header that may take two lines, so that the nine columns fit beside the steps. */
    private static Span wrapping(String text) {
        Span header = new Span(text);
        header.addClassName("pv-wrap-header");
        return header;
    }

    private void send(@Nullable Instant at) {
        if (!save()) {
            return;
        }
        try {
            SendResult result = commands.send(campaign.id(), at);
            Notification.show(getTranslation("campaign.sent." + result.status().name()), 4000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            reload();
        } catch (NotEnoughCreditsException e) {
            error(getTranslation("campaign.credits.refused", numbers.format(e.needed()), numbers.format(e.available())));
        } catch (InvalidInputException | CampaignStateException e) {
            error(e.getMessage());
        }
    }

    private void act(Runnable action) {
        try {
            action.run();
            reload();
        } catch (NotEnoughCreditsException e) {
            error(getTranslation("campaign.credits.refused", numbers.format(e.needed()), numbers.format(e.available())));
        } catch (InvalidInputException | CampaignStateException e) {
            error(e.getMessage());
        }
    }

    private void reload() {
        campaign = queries.find(campaign.id()).orElseThrow();
        load(campaign);
        show();
    }

    private void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Status, progress and figures of the current run, the suspend/resume actions, and the history. */
    private void showFigures() {
        figures.removeAll();
        Span status = new Span(getTranslation("campaign.status." + campaign.status().name()));
        status.getElement().getThemeList().add("badge");
        status.setId("campaign-status");
        Button back = new Button(getTranslation("nav.campaigns"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CampaignListView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 title = new H2(campaign.name());
        HorizontalLayout header = new HorizontalLayout(back, title, status);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        if (approver && (campaign.status() == CampaignStatus.SENDING || campaign.status() == CampaignStatus.SCHEDULED)) {
            Button suspend = new Button(getTranslation("campaigns.suspend"), VaadinIcon.PAUSE.create(),
                    e -> act(() -> commands.suspend(campaign.id())));
            suspend.setId("campaign-suspend");
            header.add(suspend);
        }
        if (approver && campaign.status() == CampaignStatus.SUSPENDED) {
            Button resume = new Button(getTranslation("campaigns.resume"), VaadinIcon.PLAY.create(),
                    e -> act(() -> commands.resume(campaign.id())));
            resume.setId("campaign-resume");
            header.add(resume);
        }
        figures.add(header);
        List<RunSummary> runs = queries.runs(campaign.id());
        long unknown = runs.isEmpty() ? 0 : runs.getFirst().figures().unknown();
        if (approver && unknown > 0 && (campaign.status() == CampaignStatus.SENT
                || campaign.status() == CampaignStatus.SENDING)) {
            Button resend = new Button(getTranslation("campaign.resendUnknown", numbers.format(unknown)),
                    VaadinIcon.REFRESH.create(), e -> confirmResendUnknown(unknown));
            resend.setId("campaign-resend-unknown");
            header.add(resend);
        }
        if (!runs.isEmpty()) {
            RunSummary run = runs.getFirst();
            long done = run.figures().sent() + run.figures().failed() + run.figures().unknown();
            ProgressBar progress = new ProgressBar(0, Math.max(1, run.targeted()), done);
            progress.setId("campaign-progress");
            Div tiles = new Div();
            tiles.addClassName("pv-tiles");
            if (campaign.channel() == Channel.SMS) {
                io.portevoix.campaigns.CampaignStats sms = queries.stats(campaign.id());
                tiles.add(tile("targeted", run.targeted()), tile("sent", run.figures().sent()),
                        tile("delivered", sms.delivered()), tile("pending", run.figures().pending()),
                        tile("failed", sms.failed()), tile("unknown", run.figures().unknown()), tile("parts", sms.parts()),
                        tile("creditsUsed", sms.credits()), tile("clicks", sms.engagement().clicks()),
                        tile("stops", sms.stops()));
                figures.add(progress, tiles, history(runs));
                live = campaign.status() == CampaignStatus.SENDING || sms.delivered() + sms.undelivered() < sms.sent();
                return;
            }
            io.portevoix.campaigns.CampaignStats stats = queries.stats(campaign.id());
            tiles.add(tile("targeted", run.targeted()), tile("sent", run.figures().sent()),
                    tile("pending", run.figures().pending()), tile("failed", run.figures().failed()),
                    tile("unknown", run.figures().unknown()),
                    tile("bounced", run.figures().failed() + run.figures().bounced()));
            java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(getLocale());
            percent.setMaximumFractionDigits(1);
            Div engagement = new Div();
            engagement.addClassName("pv-tiles");
            engagement.add(tile("uniqueOpens", stats.engagement().uniqueOpens()), tile("opens", stats.engagement().opens()),
                    tile("uniqueClicks", stats.engagement().uniqueClicks()), tile("clicks", stats.engagement().clicks()),
                    rate("openRate", percent.format(stats.openRate())), rate("clickRate", percent.format(stats.clickRate())),
                    rate("clickToOpenRate", percent.format(stats.clickToOpenRate())),
                    tile("unsubscribes", stats.engagement().unsubscribes()), tile("machine", stats.engagement().machineEvents()));
            figures.add(progress, tiles, engagement);
            List<io.portevoix.campaigns.OpensOverTime> overTime = queries.opensOverTime(campaign.id());
            if (!overTime.isEmpty()) {
                java.time.Duration length = overTime.getFirst().length();
                DateTimeFormatter label = DateTimeFormatter.ofPattern(length.toMinutes() < 60 ? "HH:mm"
                        : length.toHours() < 24 ? "dd/MM HH'h'" : "dd/MM", getLocale());
                opensChart.setData(overTime.stream().map(b -> label.format(b.start().atZone(ZONE))).toList(), List.of(
                        new io.portevoix.shell.BarChart.Series(getTranslation("campaign.chart.people"), "#2563eb",
                                overTime.stream().map(io.portevoix.campaigns.OpensOverTime::people).toList()),
                        new io.portevoix.shell.BarChart.Series(getTranslation("campaign.chart.machines"), "#cbd5e1",
                                overTime.stream().map(io.portevoix.campaigns.OpensOverTime::machines).toList())));
                figures.add(new H3(getTranslation("campaign.chart.opens")), opensChart, kept("campaign.chart.kept"));
            }
            if (!stats.engagement().links().isEmpty()) {
                Grid<io.portevoix.campaigns.spi.EngagementFigures.LinkClicks> links = new Grid<>();
                links.addColumn(io.portevoix.campaigns.spi.EngagementFigures.LinkClicks::url)
                        .setHeader(getTranslation("campaign.link")).setFlexGrow(3);
                links.addColumn(l -> numbers.format(l.clicks())).setHeader(getTranslation("campaign.figure.clicks"))
                        .setAutoWidth(true);
                links.addColumn(l -> numbers.format(l.uniqueClicks())).setHeader(getTranslation("campaign.figure.uniqueClicks"))
                        .setAutoWidth(true);
                links.setItems(stats.engagement().links());
                links.setAllRowsVisible(true);
                links.addThemeVariants(GridVariant.LUMO_COMPACT);
                links.setId("campaign-links");
                figures.add(new H3(getTranslation("campaign.links")), links);
            }
            figures.add(history(runs));
        }
        live = campaign.status() == CampaignStatus.SENDING;
    }

    private void confirmResendUnknown(long unknown) {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                getTranslation("campaign.resendUnknown.title"),
                getTranslation("campaign.resendUnknown.text", numbers.format(unknown)),
                getTranslation("campaign.resendUnknown.confirm"), e -> act(() -> {
                    int resent = commands.resendUnknown(campaign.id());
                    Notification.show(getTranslation("campaign.resendUnknown.done", numbers.format(resent)), 4000,
                            Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("primary");
        confirm.open();
    }

    private Component rate(String key, String value) {
        Div tile = new Div(new Span(getTranslation("campaign.figure." + key)), new H3(value));
        tile.addClassName("pv-tile");
        tile.setId("figure-" + key);
        return tile;
    }

    private Component tile(String key, long value) {
        Div tile = new Div(new Span(getTranslation("campaign.figure." + key)), new H3(numbers.format(value)));
        tile.addClassName("pv-tile");
        tile.setId("figure-" + key);
        return tile;
    }

    private Component history(List<RunSummary> runs) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        Grid<RunSummary> grid = new Grid<>();
        grid.addColumn(RunSummary::number).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> format.format(r.startedAt().atZone(ZONE))).setHeader(getTranslation("campaign.run.startedAt"))
                .setAutoWidth(true);
        grid.addColumn(RunSummary::author).setHeader(getTranslation("campaigns.author")).setFlexGrow(1);
        grid.addColumn(r -> numbers.format(r.targeted())).setHeader(getTranslation("campaign.figure.targeted"))
                .setAutoWidth(true);
        grid.addColumn(r -> numbers.format(r.figures().sent())).setHeader(getTranslation("campaign.figure.sent"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("broadcast." + r.broadcastType().name())).setHeader(getTranslation("campaign.type"))
                .setAutoWidth(true);
        grid.addColumn(RunSummary::templateName).setHeader(getTranslation("campaign.template")).setFlexGrow(1)
                .setVisible(channel() == Channel.EMAIL);
        grid.addColumn(r -> getTranslation("campaign.run.status." + r.status().name()))
                .setHeader(getTranslation("campaigns.status")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button eye = new Button(VaadinIcon.EYE.create(), e -> runDetails(r));
            eye.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            eye.getElement().setAttribute("aria-label", getTranslation("campaign.run.details"));
            eye.addClassName("pv-run-details");
            return eye;
        }).setWidth("70px").setFlexGrow(0);
        grid.setItems(runs);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("campaign-runs");
        return new Div(new H3(getTranslation("campaign.history")), grid);
    }

    private void runDetails(RunSummary run) {
        Dialog dialog = new Dialog(getTranslation("campaign.run.title", run.number()));
        var audience = run.audience();
        Div parts = new Div();
        audience.builtIns().forEach(b -> parts.add(new Paragraph(getTranslation("picker.builtIns") + " : "
                + getTranslation("segments.builtin." + b))));
        if (!audience.segmentIds().isEmpty()) {
            parts.add(new Paragraph(getTranslation("picker.segments") + " : " + audience.segmentIds().size()));
        }
        if (!audience.importIds().isEmpty()) {
            parts.add(new Paragraph(getTranslation("picker.imports") + " : " + audience.importIds().size()));
        }
        if (!audience.contactIds().isEmpty()) {
            parts.add(new Paragraph(getTranslation("picker.contacts") + " : " + audience.contactIds().size()));
        }
        if (audience.criteria() != null) {
            parts.add(new Paragraph(getTranslation("picker.criteria") + " : " + audience.criteria()));
        }
        parts.add(new Paragraph(getTranslation("campaign.run.figures", numbers.format(run.targeted()),
                numbers.format(run.figures().sent()), numbers.format(run.figures().failed()),
                numbers.format(run.figures().unknown()))));
        parts.setId("run-details");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        Grid<io.portevoix.campaigns.spi.RunRecipient> recipients = new Grid<>();
        recipients.addColumn(io.portevoix.campaigns.spi.RunRecipient::address).setHeader(getTranslation("campaign.run.address"))
                .setFlexGrow(2);
        recipients.addColumn(r -> getTranslation("contact.communication.status." + r.state()))
                .setHeader(getTranslation("campaigns.status")).setAutoWidth(true);
        recipients.addColumn(r -> r.sentAt() == null ? "—" : format.format(r.sentAt().atZone(ZONE)))
                .setHeader(getTranslation("contact.communication.date")).setAutoWidth(true);
        recipients.setItems(query -> queries.recipients(run.id(), query.getOffset(), query.getLimit()).stream());
        recipients.addItemClickListener(e -> {
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate("contacts/" + e.getItem().contact().value()));
        });
        recipients.setId("run-recipients");
        recipients.setHeight("320px");
        recipients.setWidth("720px");
        recipients.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        Anchor export = new Anchor((com.vaadin.flow.server.streams.DownloadHandler) event -> {
            event.setFileName("destinataires-" + run.number() + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            event.getOutputStream().write(queries.recipientsCsv(run.id()));
        }, getTranslation("campaign.run.export"));
        export.getElement().setAttribute("download", true);
        export.setId("run-export");
        dialog.add(parts, new Paragraph(getTranslation("campaign.run.recipients")), recipients, kept("campaign.run.kept"),
                export);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    /**
     * Live figures by server push: while the campaign sends (or an SMS run awaits receipts) the
     * server refreshes the figures every {@value #LIVE_MS} ms and pushes them, with the security
     * context of the user who opened the page; it stops when the page is left.
     */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        com.vaadin.flow.component.UI ui = event.getUI();
        org.springframework.security.core.context.SecurityContext security =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        ticking = LIVE.scheduleWithFixedDelay(() -> {
            if (!live) {
                return;
            }
            try {
                ui.access(() -> org.springframework.security.concurrent.DelegatingSecurityContextRunnable.create(() -> {
                    if (campaign != null) {
                        campaign = queries.find(campaign.id()).orElse(campaign);
                        showFigures();
                    }
                }, security).run()).get();
            } catch (com.vaadin.flow.component.UIDetachedException | java.util.concurrent.ExecutionException e) {
                live = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, LIVE_MS, LIVE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        live = false;
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    private static final long LIVE_MS = 1_500;
    private static final java.util.concurrent.ScheduledExecutorService LIVE =
            java.util.concurrent.Executors.newScheduledThreadPool(4, Thread.ofVirtual().name("campaign-live-", 0).factory());

    /** How long the account keeps each message and event: older ones are gone from the list or the chart, the figures stay. */
    private Span kept(String key) {
        if (keptMonths == null) {
            keptMonths = accounts.historyRetention().months(); // read once: the figures redraw every few seconds while sending
        }
        Span kept = new Span(getTranslation(key, keptMonths));
        kept.addClassName("pv-secondary");
        kept.getStyle().set("display", "block");
        return kept;
    }

    private @org.jspecify.annotations.Nullable Integer keptMonths;

    /** Opens over time, kept across refreshes so that the chart redraws in place. */
    private final io.portevoix.shell.BarChart opensChart = opensChart();

    private static io.portevoix.shell.BarChart opensChart() {
        io.portevoix.shell.BarChart chart = new io.portevoix.shell.BarChart();
        chart.setId("campaign-opens-chart");
        return chart;
    }

    /** Whether the figures move by themselves now (set each time they are shown). */
    private volatile boolean live;
    private java.util.concurrent.@org.jspecify.annotations.Nullable ScheduledFuture<?> ticking;
}
