package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ConsentChange;
import io.portevoix.audience.ConsentSource;
import io.portevoix.audience.ContactCommands;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.ContactField;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactInput;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.ContactStatus;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.SiteSummary;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A member's page: profile (editable with validation), consents with their history, communication, timeline. */
@Route("contacts/:id")
@PageTitle("Porte-Voix")
@RolesAllowed("CONTACTS_GUEST")
final class ContactDetailsView extends Main implements BeforeEnterObserver {

    private final ContactQueries queries;
    private final ContactCommands commands;
    private final AccountQueries accounts;
    private final AttributeSettings attributeSettings;
    private final boolean editor = can(AccessLevel.EDITOR);
    private final boolean approver = can(AccessLevel.APPROVER);
    private ContactId id = new ContactId(new UUID(0, 0));

    ContactDetailsView(ContactQueries queries, ContactCommands commands, AccountQueries accounts,
            AttributeSettings attributeSettings) {
        this.attributeSettings = attributeSettings;
        this.queries = queries;
        this.commands = commands;
        this.accounts = accounts;
        addClassName("pv-view");
    }

    private static boolean can(AccessLevel level) {
        return TenantContext.currentActorCan(Area.CONTACTS, level);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = new ContactId(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
        } catch (IllegalArgumentException e) {
            event.forwardTo(ContactsListView.class);
            return;
        }
        if (queries.find(id).isEmpty()) {
            event.forwardTo(ContactsListView.class);
            return;
        }
        render(queries.find(id).orElseThrow(), 0);
    }

    private void render(ContactDetails contact, int selectedTab) {
        removeAll();
        Button back = new Button(getTranslation("contacts.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ContactsListView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 title = new H2(contact.displayName());
        title.setId("contact-name");
        Span status = new Span(getTranslation("contacts.status." + contact.status().name()));
        status.getElement().getThemeList().add("badge");
        HorizontalLayout header = new HorizontalLayout(back, title, status);
        header.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        if (approver) {
            Button export = new Button(getTranslation("contacts.export"), VaadinIcon.DOWNLOAD.create(),
                    e -> ContactExports.openExport(queries, id));
            Button erase = new Button(getTranslation("contacts.erase"), VaadinIcon.TRASH.create(),
                    e -> ContactExports.confirmErase(commands, id, contact.displayName(),
                            () -> getUI().ifPresent(ui -> ui.navigate(ContactsListView.class))));
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            header.add(export, erase);
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("contact.tab.profile"), profile(contact));
        tabs.add(getTranslation("contact.tab.consents"), consents(contact));
        tabs.add(getTranslation("contact.tab.communication"), communication());
        tabs.add(getTranslation("contact.tab.timeline"), timeline(contact));
        tabs.setSelectedIndex(selectedTab);
        add(header, tabs);
    }

    private Component profile(ContactDetails c) {
        TextField civility = new TextField(getTranslation("contact.civility"));
        TextField firstName = new TextField(getTranslation("contact.firstName"));
        TextField lastName = new TextField(getTranslation("contact.lastName"));
        EmailField email = new EmailField(getTranslation("contacts.email"));
        TextField mobile = new TextField(getTranslation("contacts.mobile"));
        mobile.setHelperText(getTranslation("contact.mobile.help"));
        TextField externalRef = new TextField(getTranslation("contact.externalRef"));
        DatePicker birthDate = new DatePicker(getTranslation("contact.birthDate"));
        birthDate.setMax(LocalDate.now());
        Select<ContactStatus> status = new Select<>();
        status.setLabel(getTranslation("contacts.status"));
        status.setItems(ContactStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("contacts.status." + s.name()));
        Select<String> site = new Select<>();
        site.setLabel(getTranslation("contacts.site"));
        site.setEmptySelectionAllowed(true);
        site.setItems(accounts.sites().stream().map(SiteSummary::name).toList());
        Checkbox primary = new Checkbox(getTranslation("contact.primary"));
        TextField subscription = new TextField(getTranslation("contact.subscription"));
        DatePicker subscriptionStart = new DatePicker(getTranslation("contact.subscription.start"));
        DatePicker subscriptionEnd = new DatePicker(getTranslation("contact.subscription.end"));
        TextField booklet = new TextField(getTranslation("contact.booklet"));
        IntegerField sessionsLeft = new IntegerField(getTranslation("contact.booklet.sessionsLeft"));
        sessionsLeft.setMin(0);
        DatePicker bookletExpires = new DatePicker(getTranslation("contact.booklet.expiresOn"));
        TextField tags = new TextField(getTranslation("contact.tags"));
        tags.setHelperText(getTranslation("contact.tags.help"));

        civility.setValue(n(c.civility()));
        firstName.setValue(n(c.firstName()));
        lastName.setValue(n(c.lastName()));
        email.setValue(n(c.email()));
        mobile.setValue(n(c.mobile()));
        externalRef.setValue(n(c.externalRef()));
        birthDate.setValue(c.birthDate());
        status.setValue(c.status());
        site.setValue(c.site());
        primary.setValue(c.primary());
        subscription.setValue(n(c.subscriptionName()));
        subscriptionStart.setValue(c.subscriptionStart());
        subscriptionEnd.setValue(c.subscriptionEnd());
        booklet.setValue(n(c.bookletName()));
        sessionsLeft.setValue(c.bookletSessionsLeft());
        bookletExpires.setValue(c.bookletExpiresOn());
        tags.setValue(String.join(", ", c.tags()));

        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("email", email, "mobile", mobile,
                "firstName", firstName, "lastName", lastName, "birthDate", birthDate, "externalRef", externalRef,
                "tags", tags);
        FormLayout form = new FormLayout(civility, firstName, lastName, email, mobile, externalRef, birthDate, status,
                site, primary, subscription, subscriptionStart, subscriptionEnd, booklet, sessionsLeft, bookletExpires,
                tags);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2),
                new FormLayout.ResponsiveStep("1000px", 3));
        form.getChildren().forEach(field -> field.getElement().setProperty("readonly", !editor));
        AttributeFields custom = new AttributeFields(attributeSettings.definitions(), c.attributes());
        custom.setReadOnly(!editor);
        FormLayout customForm = new FormLayout();
        customForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2),
                new FormLayout.ResponsiveStep("1000px", 3));
        custom.components().forEach(customForm::add);
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            custom.clearInvalid();
            try {
                ContactDetails saved = commands.update(id, ContactInput.builder()
                        .set(ContactField.CIVILITY, civility.getValue())
                        .set(ContactField.FIRST_NAME, firstName.getValue())
                        .set(ContactField.LAST_NAME, lastName.getValue())
                        .set(ContactField.EMAIL, email.getValue())
                        .set(ContactField.MOBILE, mobile.getValue())
                        .set(ContactField.EXTERNAL_REF, externalRef.getValue())
                        .set(ContactField.BIRTH_DATE, birthDate.getValue() == null ? null : birthDate.getValue().toString())
                        .set(ContactField.STATUS, status.getValue().name())
                        .set(ContactField.SITE, site.getValue())
                        .set(ContactField.PRIMARY, primary.getValue())
                        .set(ContactField.SUBSCRIPTION_NAME, subscription.getValue())
                        .set(ContactField.SUBSCRIPTION_START, date(subscriptionStart.getValue()))
                        .set(ContactField.SUBSCRIPTION_END, date(subscriptionEnd.getValue()))
                        .set(ContactField.BOOKLET_NAME, booklet.getValue())
                        .set(ContactField.BOOKLET_SESSIONS_LEFT, sessionsLeft.getValue())
                        .set(ContactField.BOOKLET_EXPIRES_ON, date(bookletExpires.getValue()))
                        .set(ContactField.TAGS, List.of(tags.getValue().split("\\s*,\\s*")).stream()
                                .filter(t -> !t.isBlank()).toList())
                        .set(ContactField.ATTRIBUTES, custom.values())
                        .build(), ConsentSource.USER);
                Notification.show(getTranslation("contact.saved"), 3000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render(saved, 0);
            } catch (InvalidInputException invalid) {
                for (InvalidInputException.FieldError error : invalid.errors()) {
                    var field = fields.get(error.field());
                    if (field != null) {
                        field.setErrorMessage(getTranslation("contact.invalid." + error.field()));
                        field.setInvalid(true);
                    } else if (custom.markInvalid(error.field(),
                            getTranslation("contact.invalid.attribute." + custom.type(error.field()).name()))) {
                        continue;
                    } else {
                        Notification.show(error.message(), 5000, Notification.Position.TOP_CENTER)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editor);
        save.setId("save-contact");
        Div panel = new Div();
        queries.lastBounce(id).ifPresent(bounce -> {
            DateTimeFormatter at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
            Span notice = new Span(VaadinIcon.WARNING.create(), new Span(getTranslation("contact.lastBounce",
                    at.format(bounce.at().atZone(accounts.current().timeZone())),
                    bounce.reason().isEmpty() ? getTranslation("contact.lastBounce.noReason") : bounce.reason())));
            notice.getElement().getThemeList().add("badge warning");
            notice.setId("contact-last-bounce");
            panel.add(new Div(notice));
        });
        panel.add(form);
        if (!custom.isEmpty()) {
            panel.add(new H3(getTranslation("contact.attributes")), customForm);
        }
        panel.add(save);
        panel.addClassName("pv-form-panel");
        return panel;
    }

    private Component consents(ContactDetails c) {
        Div current = new Div();
        current.addClassName("pv-consents");
        Map<Channel, Map<BroadcastType, Checkbox>> boxes = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Map<BroadcastType, Checkbox> row = new EnumMap<>(BroadcastType.class);
            Div line = new Div(new H3(getTranslation("channel." + channel.name())));
            line.addClassName("pv-consent-row");
            for (BroadcastType type : BroadcastType.values()) {
                Checkbox box = new Checkbox(getTranslation("broadcast." + type.name()), c.consents().allows(channel, type));
                box.setReadOnly(type == BroadcastType.LEGAL || !editor);
                box.setId("consent-" + channel.name() + "-" + type.name());
                row.put(type, box);
                line.add(box);
            }
            boxes.put(channel, row);
            current.add(line);
        }
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
            Map<Channel, Map<BroadcastType, Boolean>> consents = new EnumMap<>(Channel.class);
            boxes.forEach((channel, row) -> {
                Map<BroadcastType, Boolean> values = new EnumMap<>(BroadcastType.class);
                values.put(BroadcastType.INFORMATIVE, row.get(BroadcastType.INFORMATIVE).getValue());
                values.put(BroadcastType.MARKETING, row.get(BroadcastType.MARKETING).getValue());
                consents.put(channel, values);
            });
            render(commands.update(id, ContactInput.builder().set(ContactField.CONSENTS, consents).build(),
                    ConsentSource.USER), 1);
            Notification.show(getTranslation("contact.saved"), 3000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editor);
        save.setId("save-consents");
        Grid<ConsentChange> history = new Grid<>();
        ZoneId zone = accounts.current().timeZone();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        history.addColumn(h -> format.format(h.at().atZone(zone))).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        history.addColumn(h -> getTranslation("channel." + h.channel().name()) + " · "
                + getTranslation("broadcast." + h.type().name())).setHeader(getTranslation("contact.consent")).setFlexGrow(1);
        history.addColumn(h -> getTranslation(h.granted() ? "contact.consent.granted" : "contact.consent.withdrawn"))
                .setHeader(getTranslation("contact.consent.change")).setAutoWidth(true);
        history.addColumn(h -> getTranslation("consentSource." + h.source().name()))
                .setHeader(getTranslation("contact.consent.source")).setAutoWidth(true);
        history.addColumn(ConsentChange::actor).setHeader(getTranslation("audit.actor")).setFlexGrow(1);
        history.setItems(queries.consentHistory(id));
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        Div panel = new Div(new Paragraph(getTranslation("contact.consents.text")), current, save,
                new H3(getTranslation("contact.consents.history")), history);
        panel.addClassName("pv-form-panel");
        return panel;
    }

    private Component communication() {
        List<io.portevoix.audience.SentMessage> messages = queries.messages(id);
        // messages older than the account's retention are gone: say so, in the empty state as under the list
        Span kept = new Span(getTranslation("contact.communication.kept", accounts.historyRetention().months()));
        kept.setId("contact-messages-kept");
        if (messages.isEmpty()) {
            Div empty = new Div(VaadinIcon.ENVELOPES_O.create(), new Span(getTranslation("contact.communication.empty")), kept);
            empty.addClassName("pv-empty-state");
            return empty;
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        ZoneId zone = ZoneId.of("Europe/Paris");
        Grid<io.portevoix.audience.SentMessage> grid = new Grid<>();
        grid.addColumn(m -> m.sentAt() == null ? "—" : format.format(m.sentAt().atZone(zone)))
                .setHeader(getTranslation("contact.communication.date")).setAutoWidth(true);
        grid.addColumn(io.portevoix.audience.SentMessage::campaignName).setHeader(getTranslation("contact.communication.campaign"))
                .setFlexGrow(2);
        grid.addColumn(m -> getTranslation("channel." + m.channel().name())).setHeader(getTranslation("contact.communication.channel"))
                .setAutoWidth(true);
        grid.addColumn(m -> getTranslation("contact.communication.status." + m.status()))
                .setHeader(getTranslation("contact.communication.status")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation(m.opened() ? "contact.communication.read" : "contact.communication.unread"))
                .setHeader(getTranslation("contact.communication.opened")).setAutoWidth(true);
        grid.setItems(messages);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("contact-messages");
        kept.addClassName("pv-secondary");
        return new Div(grid, kept);
    }


    private Component timeline(ContactDetails c) {
        ZoneId zone = accounts.current().timeZone();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        Div list = new Div();
        list.addClassName("pv-timeline");
        List<java.util.Map.Entry<java.time.Instant, String>> entries = new java.util.ArrayList<>();
        for (ConsentChange change : queries.consentHistory(id)) {
            entries.add(java.util.Map.entry(change.at(), getTranslation("contact.timeline.consent",
                    getTranslation("channel." + change.channel().name()), getTranslation("broadcast." + change.type().name()),
                    getTranslation(change.granted() ? "contact.consent.granted" : "contact.consent.withdrawn"),
                    getTranslation("consentSource." + change.source().name()))));
        }
        for (io.portevoix.audience.ReceivedReply reply : queries.replies(id)) {
            entries.add(java.util.Map.entry(reply.at(), getTranslation(reply.stop() ? "contact.timeline.stop" : "contact.timeline.reply",
                    reply.text(), reply.campaignName())));
        }
        queries.lastBounce(id).ifPresent(bounce -> entries.add(java.util.Map.entry(bounce.at(),
                getTranslation("contact.timeline.bounce", bounce.reason()))));
        if (!c.updatedAt().equals(c.createdAt())) {
            entries.add(java.util.Map.entry(c.updatedAt(), getTranslation("contact.timeline.updated")));
        }
        entries.sort(java.util.Map.Entry.<java.time.Instant, String>comparingByKey().reversed());
        entries.forEach(e -> list.add(entry(format.format(e.getKey().atZone(zone)), e.getValue())));
        list.add(entry(format.format(c.createdAt().atZone(zone)), getTranslation("contact.timeline.created")));
        list.setId("contact-timeline");
        return list;
    }

    private static Div entry(String when, String what) {
        Span at = new Span(when);
        at.addClassName("pv-timeline-at");
        Div entry = new Div(at, new Span(what));
        entry.addClassName("pv-timeline-entry");
        return entry;
    }

    private static String n(String value) {
        return value == null ? "" : value;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
