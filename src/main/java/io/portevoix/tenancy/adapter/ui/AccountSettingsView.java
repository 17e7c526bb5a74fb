package io.portevoix.tenancy.adapter.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
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
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.AccountCommands;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.BrandingImageKind;
import io.portevoix.tenancy.HistoryRetention;
import io.portevoix.tenancy.PostalAddress;
import io.portevoix.tenancy.SiteSummary;
import io.portevoix.tenancy.SocialLinks;
import io.portevoix.tenancy.TenantContext;
import io.portevoix.tenancy.UpdateAccount;
import io.portevoix.shell.RowMenu;
import io.portevoix.shell.TextPrompt;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/** Settings → Account: identity, address, regional settings, sender, social links, branding and sites. */
@Route("settings/account")
@PageTitle("Porte-Voix")
@Menu(order = 90, icon = "vaadin:cog", title = "nav.settings.account")
@RolesAllowed("SETTINGS_GUEST")
final class AccountSettingsView extends Main {

    /** The form's flat model. */
    public record AccountForm(String name, String legalName, String line1, String line2, String postalCode, String city,
            String country, String timeZone, String locale, String phoneRegion, String senderName, String senderEmail,
            String facebook, String instagram, String x, String linkedin, String youtube, String website) {
    }

    private final AccountQueries accounts;
    private final AccountCommands commands;
    private final boolean editable = TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR);
    private final Binder<AccountForm> binder = new Binder<>(AccountForm.class);
    private final Grid<SiteSummary> sites = new Grid<>();
    private final Div branding = new Div();
    private final IntegerField historyMonths = new IntegerField();

    AccountSettingsView(AccountQueries accounts, AccountCommands commands) {
        this.accounts = accounts;
        this.commands = commands;
        addClassName("pv-view");
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("account.tab.identity"), identityForm());
        tabs.add(getTranslation("account.tab.sites"), sitesPanel());
        tabs.add(getTranslation("account.tab.branding"), branding);
        tabs.add(getTranslation("account.tab.history"), historyPanel());
        add(tabs);
        if (!editable) {
            Div notice = new Div(VaadinIcon.LOCK.create(), new Span(getTranslation("account.readOnly")));
            notice.addClassName("pv-notice");
            addComponentAsFirst(notice);
        }
        refresh();
    }

    private Component identityForm() {
        TextField name = new TextField(getTranslation("account.name"));
        TextField legalName = new TextField(getTranslation("account.legalName"));
        TextField line1 = new TextField(getTranslation("account.address.line1"));
        TextField line2 = new TextField(getTranslation("account.address.line2"));
        TextField postalCode = new TextField(getTranslation("account.address.postalCode"));
        TextField city = new TextField(getTranslation("account.address.city"));
        ComboBox<String> country = countries(getTranslation("account.address.country"));
        ComboBox<String> timeZone = new ComboBox<>(getTranslation("account.timeZone"));
        timeZone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        Select<String> locale = new Select<>();
        locale.setLabel(getTranslation("account.locale"));
        locale.setItems("fr", "en");
        locale.setItemLabelGenerator(code -> Locale.of(code).getDisplayLanguage(getLocale()));
        ComboBox<String> phoneRegion = countries(getTranslation("account.phoneRegion"));
        TextField senderName = new TextField(getTranslation("account.senderName"));
        EmailField senderEmail = new EmailField(getTranslation("account.senderEmail"));
        senderEmail.setHelperText(getTranslation("account.senderEmail.help"));
        TextField facebook = new TextField("Facebook");
        TextField instagram = new TextField("Instagram");
        TextField x = new TextField("X");
        TextField linkedin = new TextField("LinkedIn");
        TextField youtube = new TextField("YouTube");
        TextField website = new TextField(getTranslation("account.website"));

        binder.forField(name).asRequired(getTranslation("account.name.required")).bind("name");
        binder.forField(legalName).bind("legalName");
        binder.forField(line1).bind("line1");
        binder.forField(line2).bind("line2");
        binder.forField(postalCode).bind("postalCode");
        binder.forField(city).bind("city");
        binder.forField(country).bind("country");
        binder.forField(timeZone).asRequired().bind("timeZone");
        binder.forField(locale).asRequired().bind("locale");
        binder.forField(phoneRegion).asRequired().bind("phoneRegion");
        binder.forField(senderName).bind("senderName");
        binder.forField(senderEmail).withValidator(new EmailValidator(getTranslation("validation.email"), false))
                .bind("senderEmail");
        for (var entry : new Object[][] {{facebook, "facebook"}, {instagram, "instagram"}, {x, "x"},
                {linkedin, "linkedin"}, {youtube, "youtube"}, {website, "website"}}) {
            TextField field = (TextField) entry[0];
            field.setPlaceholder("https://…");
            binder.forField(field).withValidator(value -> value == null || value.isBlank()
                    || value.strip().startsWith("https://") || value.strip().startsWith("http://"),
                    getTranslation("validation.url")).bind((String) entry[1]);
        }

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.add(section("account.section.identity"), 2);
        form.add(name, legalName);
        form.add(section("account.section.address"), 2);
        form.add(line1, line2, postalCode, city, country);
        form.add(section("account.section.regional"), 2);
        form.add(timeZone, locale, phoneRegion);
        form.add(section("account.section.sender"), 2);
        form.add(senderName, senderEmail);
        form.add(section("account.section.social"), 2);
        form.add(facebook, instagram, x, linkedin, youtube, website);
        binder.setReadOnly(!editable);

        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        save.setId("save-account");
        Div panel = new Div(form, new HorizontalLayout(save));
        panel.addClassName("pv-form-panel");
        return panel;
    }

    private H3 section(String key) {
        H3 title = new H3(getTranslation(key));
        title.addClassName("pv-form-section");
        return title;
    }

    private ComboBox<String> countries(String label) {
        ComboBox<String> box = new ComboBox<>(label);
        box.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
        box.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(getLocale()) + " (" + code + ")");
        return box;
    }

    private void save() {
        AccountForm f;
        try {
            f = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        commands.update(new UpdateAccount(f.name(), f.legalName(),
                new PostalAddress(f.line1(), f.line2(), f.postalCode(), f.city(), f.country()), ZoneId.of(f.timeZone()),
                Locale.of(f.locale()), f.phoneRegion(), f.senderName(), f.senderEmail(),
                new SocialLinks(f.facebook(), f.instagram(), f.x(), f.linkedin(), f.youtube(), f.website())));
        Notification.show(getTranslation("account.saved"), 3000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    /** How many months of message history the account keeps; older messages and hits are deleted daily. */
    private Component historyPanel() {
        historyMonths.setLabel(getTranslation("account.history.months"));
        historyMonths.setMin(HistoryRetention.MIN_MONTHS);
        historyMonths.setMax(HistoryRetention.MAX_MONTHS);
        historyMonths.setStepButtonsVisible(true);
        historyMonths.setHelperText(getTranslation("account.history.help", HistoryRetention.MIN_MONTHS,
                HistoryRetention.MAX_MONTHS));
        historyMonths.setId("history-months");
        historyMonths.setReadOnly(!editable);
        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> saveHistory());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        save.setId("save-history");
        Div panel = new Div(new Paragraph(getTranslation("account.history.text")), historyMonths, new HorizontalLayout(save));
        panel.addClassName("pv-form-panel");
        return panel;
    }

    private void saveHistory() {
        Integer months = historyMonths.getValue();
        if (months == null || months < HistoryRetention.MIN_MONTHS || months > HistoryRetention.MAX_MONTHS) {
            historyMonths.setInvalid(true);
            historyMonths.setErrorMessage(getTranslation("account.history.range", HistoryRetention.MIN_MONTHS,
                    HistoryRetention.MAX_MONTHS));
            return;
        }
        commands.keepHistory(new HistoryRetention(months));
        Notification.show(getTranslation("account.history.saved", months), 3000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private Component sitesPanel() {
        sites.addColumn(SiteSummary::name).setHeader(getTranslation("account.site.name")).setFlexGrow(1);
        sites.addComponentColumn(site -> {
            var menu = RowMenu.create();
            menu.addItem(getTranslation("action.rename"), e -> TextPrompt.open(getTranslation("account.site.rename"),
                    getTranslation("account.site.name"), site.name(), value -> {
                        commands.renameSite(site.id(), value);
                        refresh();
                    })).setEnabled(editable);
            menu.addItem(getTranslation("action.delete"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("account.site.delete.title"),
                        getTranslation("account.site.delete.text", site.name()), getTranslation("action.delete"),
                        ok -> {
                            commands.removeSite(site.id());
                            refresh();
                        });
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            }).setEnabled(editable);
            return menu;
        }).setWidth("70px").setFlexGrow(0);
        sites.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        sites.setAllRowsVisible(true);
        Button add = new Button(getTranslation("account.site.add"), VaadinIcon.PLUS.create(),
                e -> TextPrompt.open(getTranslation("account.site.add"), getTranslation("account.site.name"), "",
                        value -> {
                            commands.addSite(value);
                            refresh();
                        }));
        add.setVisible(editable);
        Div panel = new Div(new Paragraph(getTranslation("account.sites.text")), add, sites);
        panel.addClassName("pv-form-panel");
        return panel;
    }

    private void refresh() {
        AccountDetails account = accounts.current();
        binder.readRecord(new AccountForm(account.name(), account.legalName(), account.address().line1(),
                account.address().line2(), account.address().postalCode(), account.address().city(),
                account.address().country(), account.timeZone().getId(), account.locale().getLanguage(),
                account.phoneRegion(), account.defaultSenderName(), account.defaultSenderEmail(),
                account.social().facebook(), account.social().instagram(), account.social().x(),
                account.social().linkedin(), account.social().youtube(), account.social().website()));
        sites.setItems(accounts.sites());
        historyMonths.setValue(accounts.historyRetention().months());
        historyMonths.setInvalid(false);
        branding.removeAll();
        branding.addClassName("pv-form-panel");
        branding.add(new Paragraph(getTranslation("account.branding.text")));
        Div images = new Div();
        images.addClassName("pv-branding-images");
        for (BrandingImageKind kind : BrandingImageKind.values()) {
            images.add(brandingSlot(account, kind));
        }
        branding.add(images);
    }

    private Component brandingSlot(AccountDetails account, BrandingImageKind kind) {
        Div slot = new Div();
        slot.addClassName("pv-branding-slot");
        slot.add(new H3(getTranslation("branding." + kind.name())));
        if (account.brandingImages().contains(kind)) {
            Image image = new Image("/public/branding/" + account.id() + "/" + kind.name().toLowerCase(Locale.ROOT)
                    + "?v=" + account.updatedAt().toEpochMilli() + System.nanoTime(), getTranslation("branding." + kind.name()));
            image.addClassName("pv-branding-preview");
            Button remove = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(), e -> {
                commands.removeBrandingImage(kind);
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setVisible(editable);
            slot.add(image, remove);
        } else {
            slot.add(new Span(getTranslation("branding.none")));
        }
        if (editable) {
            Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> {
                commands.uploadBrandingImage(kind, metadata.contentType(), data);
                refresh();
            }))));
            upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
            upload.setMaxFileSize(2 * 1024 * 1024);
            upload.setDropLabel(new Span(getTranslation("branding.drop")));
            upload.setUploadButton(new Button(getTranslation("branding.choose"), VaadinIcon.PICTURE.create()));
            slot.add(upload);
        }
        return slot;
    }
}
